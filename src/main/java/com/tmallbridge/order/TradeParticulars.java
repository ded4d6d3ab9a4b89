package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.core.Receiver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a trade that may change after its ERP order was queued and that the ERP order
 * carries: the receiver and the notes (buyer message, seller memo, seller flag). Values as Tmall
 * sent them (Tmall masks names, phones and addresses itself).
 */
record TradeParticulars(Receiver receiver, @Nullable String buyerMessage, @Nullable String sellerMemo, int sellerFlag) {

  /** The particulars of a snapshot, the receiver built exactly as the sales order's. */
  static TradeParticulars of(ChannelTrade t) {
    return new TradeParticulars(
        new Receiver(t.receiverName(), t.receiverMobile(), t.receiverPhone(), t.receiverState(), t.receiverCity(),
            t.receiverDistrict(), t.receiverAddress(), t.receiverZip()),
        t.buyerMessage(), t.sellerMemo(), t.sellerFlag());
  }

  /** SHA-256 (hex) of the receiver's fields: equal exactly when every field is equal. */
  String receiverFingerprint() {
    Receiver r = receiver;
    return sha256(r.name(), r.mobile(), r.phone(), r.province(), r.city(), r.district(), r.address(), r.zip());
  }

  /** SHA-256 (hex) of buyer message, seller memo and flag. */
  String notesFingerprint() {
    return sha256(buyerMessage, sellerMemo, Integer.toString(sellerFlag));
  }

  /**
   * What changed from {@code before} to this, one item per changed field, as {@code field 'old' →
   * 'new'} with personal data masked further (see {@link MaskedText}).
   */
  List<String> changesSince(TradeParticulars before) {
    List<String> changes = new ArrayList<>();
    Receiver a = before.receiver;
    Receiver b = receiver;
    change(changes, "receiver name", MaskedText.name(a.name()), MaskedText.name(b.name()), a.name(), b.name());
    change(changes, "mobile", MaskedText.phone(a.mobile()), MaskedText.phone(b.mobile()), a.mobile(), b.mobile());
    change(changes, "phone", MaskedText.phone(a.phone()), MaskedText.phone(b.phone()), a.phone(), b.phone());
    change(changes, "province", a.province(), b.province(), a.province(), b.province());
    change(changes, "city", a.city(), b.city(), a.city(), b.city());
    change(changes, "district", a.district(), b.district(), a.district(), b.district());
    change(changes, "address", MaskedText.address(a.address()), MaskedText.address(b.address()), a.address(), b.address());
    change(changes, "zip", a.zip(), b.zip(), a.zip(), b.zip());
    change(changes, "buyer message", MaskedText.note(before.buyerMessage), MaskedText.note(buyerMessage), before.buyerMessage, buyerMessage);
    change(changes, "seller memo", MaskedText.note(before.sellerMemo), MaskedText.note(sellerMemo), before.sellerMemo, sellerMemo);
    change(changes, "seller flag", Integer.toString(before.sellerFlag), Integer.toString(sellerFlag),
        Integer.toString(before.sellerFlag), Integer.toString(sellerFlag));
    return changes;
  }

  private static void change(List<String> changes, String field, @Nullable String shownOld, @Nullable String shownNew,
      @Nullable String rawOld, @Nullable String rawNew) {
    if (!Objects.equals(rawOld, rawNew)) {
      String hidden = Objects.equals(shownOld, shownNew) ? " (differs beyond the part shown)" : "";
      changes.add(field + " " + quoted(shownOld) + " → " + quoted(shownNew) + hidden);
    }
  }

  private static String quoted(@Nullable String s) {
    return s == null || s.isEmpty() ? "(none)" : "'" + s + "'";
  }

  private static String sha256(@Nullable String... fields) {
    StringBuilder joined = new StringBuilder();
    for (String f : fields) {
      // a null differs from every text, the empty one included; the unit separator keeps fields apart
      joined.append(f == null ? "\u0000" : f.replace("\u001f", " ")).append('\u001f');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
