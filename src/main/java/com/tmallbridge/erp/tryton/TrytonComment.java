package com.tmallbridge.erp.tryton;

import com.tmallbridge.core.Receiver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The bridge's particulars of an order as the sale's {@code comment} holds them (pure mapping):
 * one labelled line each, readable in Tryton's sale form — {@code Buyer:}, {@code Seller:},
 * {@code Seller flag:} and the receiver exactly as Tmall sent it ({@code Receiver:}, {@code
 * Receiver mobile:} …), because a {@code party.address} has no phone, province or district field.
 * Absent values have no line; line breaks and backslashes in values are written {@code \n} and
 * {@code \\}. Lines with other labels (a Tryton user's own text) are left out when parsing.
 */
record TrytonComment(@Nullable String buyerMessage, @Nullable String sellerMemo, int sellerFlag, @Nullable Receiver receiver) {
  private static final String[] RECEIVER_LABELS = {
    "Receiver", "Receiver mobile", "Receiver phone", "Receiver province", "Receiver city", "Receiver district",
    "Receiver address", "Receiver zip"};

  /** The comment text; null when there is nothing to say. */
  @Nullable String format() {
    List<String> lines = new ArrayList<>();
    line(lines, "Buyer", buyerMessage);
    line(lines, "Seller", sellerMemo);
    if (sellerFlag != 0) {
      line(lines, "Seller flag", Integer.toString(sellerFlag));
    }
    if (receiver != null) {
      String[] values = {receiver.name(), receiver.mobile(), receiver.phone(), receiver.province(), receiver.city(),
          receiver.district(), receiver.address(), receiver.zip()};
      for (int i = 0; i < values.length; i++) {
        line(lines, RECEIVER_LABELS[i], values[i]);
      }
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  /** The particulars a comment holds; the receiver is null when the comment has no receiver line. */
  static TrytonComment parse(@Nullable String comment) {
    Map<String, String> values = new HashMap<>();
    if (comment != null) {
      for (String line : comment.split("\n", -1)) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          values.putIfAbsent(line.substring(0, colon), unescape(line.substring(colon + 2)));
        } else if (line.endsWith(":")) {
          values.putIfAbsent(line.substring(0, line.length() - 1), "");
        }
      }
    }
    Receiver receiver = null;
    for (String label : RECEIVER_LABELS) {
      if (values.containsKey(label)) {
        receiver = new Receiver(values.get("Receiver"), values.get("Receiver mobile"), values.get("Receiver phone"),
            values.get("Receiver province"), values.get("Receiver city"), values.get("Receiver district"),
            values.get("Receiver address"), values.get("Receiver zip"));
        break;
      }
    }
    int flag;
    try {
      flag = Integer.parseInt(values.getOrDefault("Seller flag", "0").strip());
    } catch (NumberFormatException e) {
      flag = 0;
    }
    return new TrytonComment(values.get("Buyer"), values.get("Seller"), flag, receiver);
  }

  private static void line(List<String> lines, String label, @Nullable String value) {
    if (value != null) {
      lines.add(value.isEmpty() ? label + ":" : label + ": " + value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"));
    }
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
