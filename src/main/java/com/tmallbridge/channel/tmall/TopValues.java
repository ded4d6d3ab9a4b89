package com.tmallbridge.channel.tmall;

import com.tmallbridge.core.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads values out of TOP JSON objects following the platform's conventions: ids may be JSON
 * numbers or strings, money is yuan text ({@code "148.00"}) read as fen, times are GMT+8 wall time,
 * and lists are either doubly wrapped ({@code "orders":{"order":[…]}}) or plain arrays (simplify
 * mode). An absent field and JSON {@code null} are treated alike. Malformed values raise {@link
 * IllegalArgumentException} naming the field.
 */
final class TopValues {
  /** {@link #plainFen}'s answer for a text that is not plain. */
  private static final long NOT_PLAIN = Long.MIN_VALUE;

  private TopValues() {}

  /** The field as text (numbers and booleans rendered as JSON text), or null when absent. */
  static @Nullable String text(JsonNode object, String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
      return null;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isIntegralNumber()) {
      // the decimal digits JSON writing would give, without a generator per value (ids are numbers)
      return node.canConvertToLong() ? Long.toString(node.longValue()) : node.bigIntegerValue().toString();
    }
    return node.toString();
  }

  /** Like {@link #text} but an empty string also counts as absent. */
  static @Nullable String nonEmptyText(JsonNode object, String field) {
    String value = text(object, field);
    return value == null || value.isEmpty() ? null : value;
  }

  /** The field as text; fails when it is absent or empty. */
  static String requiredText(JsonNode object, String field) {
    String value = nonEmptyText(object, field);
    if (value == null) {
      throw new IllegalArgumentException("required field '" + field + "' is missing");
    }
    return value;
  }

  /** A yuan amount as fen; {@code absentFen} when the field is absent or empty. */
  static long fen(JsonNode object, String field, long absentFen) {
    String value = nonEmptyText(object, field);
    if (value == null) {
      return absentFen;
    }
    long plain = plainFen(value);
    if (plain != NOT_PLAIN) {
      return plain;
    }
    try {
      return Money.parseYuan(value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("field '" + field + "': " + e.getMessage(), e);
    }
  }

  /**
   * Fen of a plain yuan text — an optional minus, 1 to 15 ASCII digits, optionally a point and 1
   * or 2 digits ({@code "148.00"}, {@code "-3.2"}, {@code "7"}) — read without a {@code BigDecimal};
   * {@link #NOT_PLAIN} for any other text, which {@link Money#parseYuan} then reads or rejects, so
   * both agree on every text.
   */
  private static long plainFen(String text) {
    int length = text.length();
    int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
    int start = i;
    long units = 0;
    while (i < length && i - start < 15 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      units = units * 10 + (text.charAt(i++) - '0');
    }
    if (i == start) {
      return NOT_PLAIN;
    }
    long cents = 0;
    if (i < length) {
      int decimals = length - i - 1;
      if (text.charAt(i) != '.' || decimals < 1 || decimals > 2) {
        return NOT_PLAIN;
      }
      for (int k = i + 1; k < length; k++) {
        char c = text.charAt(k);
        if (c < '0' || c > '9') {
          return NOT_PLAIN;
        }
        cents = cents * 10 + (c - '0');
      }
      if (decimals == 1) {
        cents *= 10;
      }
    }
    long fen = units * 100 + cents;
    return start == 1 ? -fen : fen;
  }

  /** A yuan amount as fen that must be present. */
  static long requiredFen(JsonNode object, String field) {
    requiredText(object, field);
    return fen(object, field, 0);
  }

  /** An integer that must be present. */
  static long requiredInteger(JsonNode object, String field) {
    requiredText(object, field);
    return integer(object, field, 0);
  }

  /** A yuan amount as fen, or null when absent. */
  static @Nullable Long optionalFen(JsonNode object, String field) {
    return nonEmptyText(object, field) == null ? null : fen(object, field, 0);
  }

  /** A GMT+8 time as an instant, or null when absent. */
  static @Nullable Instant instant(JsonNode object, String field) {
    String value = nonEmptyText(object, field);
    if (value == null) {
      return null;
    }
    try {
      return TopDateTime.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field '" + field + "': " + e.getMessage(), e);
    }
  }

  /** A GMT+8 time that must be present. */
  static Instant requiredInstant(JsonNode object, String field) {
    Instant value = instant(object, field);
    if (value == null) {
      throw new IllegalArgumentException("required field '" + field + "' is missing");
    }
    return value;
  }

  /** An integer (number or numeric text); {@code absent} when the field is absent or empty. */
  static long integer(JsonNode object, String field, long absent) {
    String value = nonEmptyText(object, field);
    if (value == null) {
      return absent;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field '" + field + "': '" + value + "' is not an integer", e);
    }
  }

  /** A boolean (JSON boolean or text {@code true}); {@code absent} when the field is absent. */
  static boolean bool(JsonNode object, String field, boolean absent) {
    String value = nonEmptyText(object, field);
    return value == null ? absent : Boolean.parseBoolean(value.trim());
  }

  /**
   * The elements of a list field. Accepts the wrapped form {@code {"orders":{"order":[…]}}} (the
   * official SDK reads the list name minus its last letter, falling back to the wrapper's only
   * value), the simplify form {@code {"orders":[…]}}, and a wrapper holding a single object instead
   * of an array. Absent or null lists are empty.
   */
  static List<JsonNode> list(JsonNode object, String listName) {
    JsonNode node = object.get(listName);
    if (node == null || node.isNull() || node.isMissingNode()) {
      return List.of();
    }
    if (node.isArray()) {
      return elements(node);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("field '" + listName + "' is neither a list nor a wrapped list");
    }
    JsonNode inner = node.get(listName.substring(0, listName.length() - 1));
    if (inner == null && node.size() == 1) {
      inner = node.values().iterator().next();
    }
    if (inner == null || inner.isNull()) {
      return List.of();
    }
    if (inner.isArray()) {
      return elements(inner);
    }
    if (!inner.isObject()) {
      throw new IllegalArgumentException("field '" + listName + "' wraps " + inner + ", not a list");
    }
    return List.of(inner);
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>(array.size());
    for (JsonNode element : array.values()) {
      if (!element.isObject()) {
        throw new IllegalArgumentException("list element " + element + " is not an object");
      }
      out.add(element);
    }
    return out;
  }
}
