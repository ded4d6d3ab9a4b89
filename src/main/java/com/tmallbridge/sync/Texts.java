package com.tmallbridge.sync;

import org.jspecify.annotations.Nullable;

/** Checks and trims for the text columns of the sync tables. */
final class Texts {
  private Texts() {}

  /** Rejects blank text and text longer than its column. */
  static String require(String name, String value, int maxLength) {
    if (value.isBlank() || value.length() > maxLength) {
      throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters and not blank, got '" + value + "'");
    }
    return value;
  }

  /** Cuts text to fit a column, marking the cut with an ellipsis. */
  static String abbreviate(@Nullable String value, int maxLength) {
    if (value == null) {
      return "";
    }
    return value.length() <= maxLength ? value : value.substring(0, maxLength - 1) + "…";
  }
}
