package com.tmallbridge.order;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.sync.Inbox;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's receiver of a trade, read from its stored (sealed) snapshot: masked for lists and
 * exports, in clear only through {@link #reveal}, which records who saw it. Permission checks (role,
 * shop scope) are the caller's; the audit entry is recorded for the {@linkplain
 * com.tmallbridge.audit.ActorContext current actor}.
 */
@Service
public class PersonalData {
  private final Inbox inbox;
  private final OrderFeed feed;
  private final AuditLog audit;

  PersonalData(Inbox inbox, OrderFeed feed, AuditLog audit) {
    this.inbox = inbox;
    this.feed = feed;
    this.audit = audit;
  }

  /**
   * The receiver of trade {@code tid} as Tmall sent it, recorded in the audit log as {@code REVEAL}
   * of {@code order:<shopId>/<tid>} (which fields, never their values).
   *
   * @return empty (and nothing recorded) when the trade has no readable snapshot
   */
  @Transactional
  public Optional<Receiver> reveal(ShopId shop, String tid) {
    Optional<Receiver> receiver = receiver(shop, tid);
    receiver.ifPresent(r -> audit.record(AuditEvent.change(AuditAction.REVEAL, "order:" + shop.value() + "/" + tid, null,
        "receiver (name, mobile, phone, address) shown")));
    return receiver;
  }

  /**
   * Records an export of order rows (with masked receivers) as {@code EXPORT} of {@code target}.
   *
   * @param filter the filter the rows were chosen by, as the user gave it
   * @param rows how many rows left
   */
  @Transactional
  public void recordExport(String target, String filter, int rows) {
    audit.record(AuditEvent.change(AuditAction.EXPORT, target, null, filter + ", rows=" + rows + ", receivers masked"));
  }

  /** The receiver of trade {@code tid} masked as operator messages mask it; empty when it has no readable snapshot. */
  public Optional<Receiver> masked(ShopId shop, String tid) {
    return receiver(shop, tid).map(PersonalData::mask);
  }

  /**
   * {@code r} masked: a name keeps its first character, a phone its last four digits, an address at
   * most its first six characters; province, city, district and zip stay.
   */
  public static Receiver mask(Receiver r) {
    return new Receiver(MaskedText.name(r.name()), MaskedText.phone(r.mobile()), MaskedText.phone(r.phone()), r.province(), r.city(),
        r.district(), MaskedText.address(r.address()), r.zip());
  }

  private Optional<Receiver> receiver(ShopId shop, String tid) {
    return inbox.get(OrderMessages.INBOX_SOURCE, shop, tid).flatMap(s -> {
      try {
        ChannelTrade trade = feed.fromSnapshot(s.payload());
        return Optional.of(TradeParticulars.of(trade).receiver());
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }
}
