package com.tmallbridge.channel.tmall;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a TOP JSON body into a {@link TopResponse} or a typed error. Understands the wrapped form
 * ({@code {"trades_sold_get_response":{…}}}: like the official SDK it takes the first value of the
 * root that is an object, without relying on the key name) and the simplify form (the root is the
 * response). {@code {"error_response":{…}}} is an error in both. Stateless and thread-safe.
 */
final class TopEnvelopeParser {
  private static final String ERROR_RESPONSE = "error_response";

  private TopEnvelopeParser() {}

  /**
   * Parses a body.
   *
   * @param method the API that was called (for messages)
   * @param body the HTTP body text
   * @param simplify whether the request asked for {@code simplify=true}
   * @throws TopApiException when the body is an error envelope
   * @throws TopTransportException when the body is not a TOP JSON envelope (HTML, truncated, empty)
   */
  static TopResponse parse(String method, String body, boolean simplify) {
    JsonNode root = readObject(method, body);
    JsonNode error = root.get(ERROR_RESPONSE);
    if (error != null && error.isObject()) {
      throw new TopApiException(method, toError(error));
    }
    return new TopResponse(simplify ? unwrapIfWrapped(root) : firstObjectValue(method, root, body));
  }

  /** The error envelope in {@code body}, or null when the body holds none (or is not JSON). */
  static @Nullable TopApiError errorIn(String body) {
    try {
      JsonNode root = TopJson.read(body);
      JsonNode error = root == null ? null : root.get(ERROR_RESPONSE);
      return error != null && error.isObject() ? toError(error) : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static JsonNode readObject(String method, String body) {
    JsonNode root;
    try {
      root = TopJson.read(body);
    } catch (JacksonException e) {
      throw new TopTransportException(method + " answered with a body that is not JSON: " + excerpt(body), e);
    }
    if (root == null || !root.isObject()) {
      throw new TopTransportException(method + " answered with a body that is not a JSON object: " + excerpt(body), null);
    }
    return root;
  }

  private static JsonNode firstObjectValue(String method, JsonNode root, String body) {
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      if (entry.getValue().isObject()) {
        return entry.getValue();
      }
    }
    throw new TopTransportException(method + " answered without a <method>_response object: " + excerpt(body), null);
  }

  /** In simplify mode the root is the response; tolerate a gateway that wrapped it anyway. */
  private static JsonNode unwrapIfWrapped(JsonNode root) {
    if (root.size() == 1) {
      Map.Entry<String, JsonNode> only = root.properties().iterator().next();
      if (only.getKey().endsWith("_response") && only.getValue().isObject()) {
        return only.getValue();
      }
    }
    return root;
  }

  private static TopApiError toError(JsonNode error) {
    long code;
    try {
      code = TopValues.integer(error, "code", 0);
    } catch (IllegalArgumentException e) {
      code = 0;
    }
    String msg = TopValues.text(error, "msg");
    return new TopApiError(
        (int) code,
        msg == null ? "" : msg,
        TopValues.nonEmptyText(error, "sub_code"),
        TopValues.nonEmptyText(error, "sub_msg"));
  }

  static String excerpt(String body) {
    String flat = body.replaceAll("\\s+", " ").strip();
    return flat.length() <= 200 ? "'" + flat + "'" : "'" + flat.substring(0, 200) + "…'";
  }
}
