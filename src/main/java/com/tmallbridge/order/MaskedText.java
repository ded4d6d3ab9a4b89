package com.tmallbridge.order;

import org.jspecify.annotations.Nullable;

/**
 * How personal data appears in operator messages: a name keeps its first character, a phone its
 * last four digits, an address at most its first six characters (and never more than half), a free-text note its first 40. Applied on
 * top of Tmall's own masking, so a message never shows more than Tmall did and usually less.
 */
final class MaskedText {
  private static final int ADDRESS_KEPT = 6;
  private static final int NOTE_KEPT = 40;

  private MaskedText() {}

  static @Nullable String name(@Nullable String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first) + "**";
  }

  static @Nullable String phone(@Nullable String phone) {
    if (phone == null || phone.isEmpty()) {
      return phone;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    return "****" + (digits.length() >= 4 ? digits.substring(digits.length() - 4) : "");
  }

  static @Nullable String address(@Nullable String address) {
    if (address == null || address.isEmpty()) {
      return address;
    }
    int kept = Math.min(ADDRESS_KEPT, address.codePointCount(0, address.length()) / 2);
    return address.substring(0, address.offsetByCodePoints(0, kept)) + "…";
  }

  static @Nullable String note(@Nullable String note) {
    if (note == null || note.codePointCount(0, note.length()) <= NOTE_KEPT) {
      return note;
    }
    return note.substring(0, note.offsetByCodePoints(0, NOTE_KEPT)) + "…";
  }
}
