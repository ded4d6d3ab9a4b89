package com.tmallbridge.channel.tmall;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A successful TOP answer with its envelope removed: the object that holds the method's response
 * fields ({@code total_results}, {@code trades}, {@code trade}, …), the same for the wrapped and the
 * simplify form.
 *
 * @param body the response object
 */
record TopResponse(JsonNode body) {

  /** The elements of a (wrapped or plain) list field; empty when absent. */
  List<JsonNode> list(String listName) {
    return TopValues.list(body, listName);
  }

  /** A nested object field such as {@code trade} or {@code item}; empty when absent or null. */
  Optional<JsonNode> object(String field) {
    JsonNode node = body.get(field);
    return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
  }

  /** {@code total_results}, or 0 when the platform left it out (it does for empty results). */
  long totalResults() {
    return TopValues.integer(body, "total_results", 0);
  }

  /** {@code has_next} (only sent when the request set {@code use_has_next=true}). */
  boolean hasNext() {
    return TopValues.bool(body, "has_next", false);
  }
}
