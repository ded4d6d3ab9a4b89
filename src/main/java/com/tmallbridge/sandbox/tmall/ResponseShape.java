package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.core.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one response is written: TOP's default wrapped form ({@code {"x_get_response":{…}}} with
 * lists doubly wrapped as {@code "trades":{"trade":[…]}}) or {@code simplify=true} (no wrapper,
 * plain arrays); ids as JSON numbers or strings; money as 2-decimal yuan strings; dates as GMT+8
 * wall time. Empty lists are left out, as TOP leaves them out.
 */
final class ResponseShape {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final boolean simplify;
  private final boolean idsAsStrings;

  ResponseShape(boolean simplify, boolean idsAsStrings) {
    this.simplify = simplify;
    this.idsAsStrings = idsAsStrings;
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Writes a 64-bit id as a number, or as a string when so configured. */
  void id(ObjectNode node, String name, long id) {
    if (idsAsStrings) {
      node.put(name, Long.toString(id));
    } else {
      node.put(name, id);
    }
  }

  /** Writes a list under {@code listName}, wrapped under {@code itemName} unless simplified. */
  void list(ObjectNode parent, String listName, String itemName, List<ObjectNode> items) {
    if (items.isEmpty()) {
      return;
    }
    ArrayNode array =
        simplify ? parent.putArray(listName) : parent.putObject(listName).putArray(itemName);
    items.forEach(array::add);
  }

  /** Writes a list of strings, wrapped as {@code {"string":[…]}} unless simplified. */
  void strings(ObjectNode parent, String listName, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    ArrayNode array =
        simplify ? parent.putArray(listName) : parent.putObject(listName).putArray("string");
    values.forEach(array::add);
  }

  /** The success envelope around a method's response body. */
  ObjectNode success(String method, ObjectNode body, String requestId) {
    body.put("request_id", requestId);
    if (simplify) {
      return body;
    }
    ObjectNode root = object();
    root.set(responseKey(method), body);
    return root;
  }

  /** {@code {"error_response":{code,msg,sub_code,sub_msg,request_id}}}, the same in both forms. */
  static ObjectNode error(TopError error, String requestId) {
    ObjectNode root = object();
    ObjectNode body = root.putObject("error_response");
    body.put("code", error.code());
    body.put("msg", error.topMsg());
    text(body, "sub_code", error.subCode());
    text(body, "sub_msg", error.subMsg());
    body.put("request_id", requestId);
    return root;
  }

  /** {@code taobao.trades.sold.get} → {@code trades_sold_get_response}. */
  static String responseKey(String method) {
    String name = method.startsWith("taobao.") ? method.substring("taobao.".length()) : method;
    return name.replace('.', '_') + "_response";
  }

  static void money(ObjectNode node, String name, long fen) {
    node.put(name, Money.formatYuan(fen));
  }

  static void time(ObjectNode node, String name, @Nullable Instant instant) {
    if (instant != null) {
      node.put(name, TopTime.format(instant));
    }
  }

  static void text(ObjectNode node, String name, @Nullable String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
