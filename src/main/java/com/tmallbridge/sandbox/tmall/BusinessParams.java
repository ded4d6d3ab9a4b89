package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to a method's business parameters. A missing required parameter raises code 40; a
 * value of the wrong form or outside its range raises code 41, each naming the parameter.
 */
final class BusinessParams {
  private final RequestParams params;

  BusinessParams(RequestParams params) {
    this.params = params;
  }

  @Nullable String optional(String name) {
    return params.get(name);
  }

  String required(String name) {
    String value = params.get(name);
    if (value == null) {
      throw TopError.missingParameter(name);
    }
    return value;
  }

  FieldSelection fields() {
    return FieldSelection.parse(required("fields"));
  }

  Instant requiredTime(String name) {
    return time(name, required(name));
  }

  @Nullable Instant optionalTime(String name) {
    String value = params.get(name);
    return value == null ? null : time(name, value);
  }

  long requiredLong(String name) {
    String value = required(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw TopError.invalidArgument(name, name + " must be a number, got '" + value + "'");
    }
  }

  /** An integer in [min, max], or the default when absent. */
  int intInRange(String name, int defaultValue, int min, int max) {
    String value = params.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range value
    }
    throw TopError.invalidArgument(
        name, name + " must be an integer in [" + min + ", " + max + "], got '" + value + "'");
  }

  boolean bool(String name, boolean defaultValue) {
    String value = params.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (!"true".equals(value) && !"false".equals(value)) {
      throw TopError.invalidArgument(name, name + " must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /** Rejects filters the sandbox does not simulate rather than silently ignoring them. */
  void rejectUnsupported(String... names) {
    for (String name : names) {
      if (params.get(name) != null) {
        throw TopError.invalidArgument(name, "filter " + name + " is not supported by the sandbox");
      }
    }
  }

  private static Instant time(String name, String value) {
    try {
      return TopTime.parse(value);
    } catch (DateTimeParseException e) {
      throw TopError.invalidArgument(
          name, name + " must be yyyy-MM-dd HH:mm:ss (GMT+8), got '" + value + "'");
    }
  }
}
