package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns changes of a trade after its ERP order was queued into outbox messages for the ERP, in the
 * import transaction. Changes are found by comparing a newer snapshot with what was sent to the ERP
 * (fingerprints in {@code order_trade_amendment}), never with the previous snapshot, so a replay or
 * a snapshot that changes other fields sends nothing. Messages share the trade's aggregate, so the
 * dispatcher delivers them after the create message. Whether the ERP has shipped is the ERP's
 * answer, so the handlers ({@link SalesOrderCancelHandler}, {@link SalesOrderUpdateHandler})
 * decide between updating and raising an {@link AmendReason} exception.
 */
@Component
class TradeAmendments {
  static final Set<String> CLOSED = Set.of("TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO");

  private final AmendmentRepository amendments;
  private final Outbox outbox;
  private final JsonMapper json;

  TradeAmendments(AmendmentRepository amendments, Outbox outbox, JsonMapper json) {
    this.amendments = amendments;
    this.outbox = outbox;
    this.json = json;
  }

  /**
   * The trade's create message was just queued with this snapshot: remember what it sends. A trade
   * that is closed already (paid, then closed before the bridge queued it) gets its cancellation
   * queued right behind, so the ERP order is never created.
   */
  void queued(Shop shop, ChannelTrade trade, Instant now) {
    queuedAll(shop, List.of(trade), now);
  }

  /** {@link #queued} for the trades of a page, what they send recorded in one batch. */
  void queuedAll(Shop shop, List<ChannelTrade> trades, Instant now) {
    List<AmendmentRepository.SentParticulars> sent = new ArrayList<>(trades.size());
    for (ChannelTrade trade : trades) {
      sent.add(particulars(trade, TradeParticulars.of(trade)));
    }
    amendments.recordSent(shop.id(), sent, now);
    for (ChannelTrade trade : trades) {
      if (CLOSED.contains(trade.status())) {
        requestCancel(shop, trade, now);
      }
    }
  }

  /**
   * A snapshot the inbox stored, of a trade whose ERP order is QUEUED or EXPORTED: newer than the
   * one the values sent come from, or of the same second with other content. An older one changes
   * nothing.
   */
  void changed(Shop shop, ChannelTrade trade, Instant now) {
    Optional<AmendmentRepository.Sent> found = amendments.find(shop.id(), trade.tid());
    if (found.isEmpty()) {
      // queued before this feature: the snapshot is the best knowledge of what was sent
      queued(shop, trade, now);
      return;
    }
    AmendmentRepository.Sent sent = found.get();
    // TOP's modified has second precision: a snapshot with the modified of the one sent can carry
    // a later change of that second (the inbox stores it when its content differs), so it is compared
    if (trade.modified().isBefore(sent.modified()) || sent.cancelRequestedAt() != null) {
      return;
    }
    if (CLOSED.contains(trade.status())) {
      amendments.touch(shop.id(), trade.tid(), trade.modified(), now);
      requestCancel(shop, trade, now);
      return;
    }
    TradeParticulars after = TradeParticulars.of(trade);
    boolean receiverChanged = !after.receiverFingerprint().equals(sent.receiverFingerprint());
    boolean notesChanged = !after.notesFingerprint().equals(sent.notesFingerprint());
    if (!receiverChanged && !notesChanged) {
      amendments.touch(shop.id(), trade.tid(), trade.modified(), now);
      return;
    }
    TradeParticulars before = json.readValue(sent.sentJson(), TradeParticulars.class);
    AmendmentMessages.Update update =
        new AmendmentMessages.Update(shop.id().value(), shop.code(), trade.tid(), before, after, receiverChanged, notesChanged);
    outbox.enqueue(OrderMessages.AGGREGATE, OrderMessages.aggregateId(shop.id(), trade.tid()), OrderMessages.UPDATE_SALES_ORDER,
        json.writeValueAsString(update), updateKey(shop, trade, sent, after, now));
    record(shop, trade, after, now);
  }

  /**
   * The update's idempotency key: per snapshot {@code modified}, and for a further change within the
   * second of the values sent also per values it sends and import time, so that each change of that
   * second is a message of its own (even one that goes back to earlier values of that second).
   */
  private static String updateKey(Shop shop, ChannelTrade trade, AmendmentRepository.Sent sent, TradeParticulars after, Instant now) {
    String key = OrderMessages.UPDATE_SALES_ORDER + ":" + shop.code() + ":" + trade.tid() + ":" + trade.modified().toEpochMilli();
    if (trade.modified().isAfter(sent.modified())) {
      return key;
    }
    return key + ":" + after.receiverFingerprint().substring(0, 8) + after.notesFingerprint().substring(0, 8) + ":" + now.toEpochMilli();
  }

  private void record(Shop shop, ChannelTrade trade, TradeParticulars sent, Instant now) {
    amendments.recordSent(shop.id(), List.of(particulars(trade, sent)), now);
  }

  private AmendmentRepository.SentParticulars particulars(ChannelTrade trade, TradeParticulars sent) {
    return new AmendmentRepository.SentParticulars(trade.tid(), trade.modified(), sent.receiverFingerprint(), sent.notesFingerprint(),
        json.writeValueAsString(sent));
  }

  private void requestCancel(Shop shop, ChannelTrade trade, Instant now) {
    if (!amendments.requestCancel(shop.id(), trade.tid(), now)) {
      return;
    }
    boolean closedByRefunds = !trade.lines().isEmpty() && trade.lines().stream().allMatch(l -> "SUCCESS".equals(l.refundStatus()));
    AmendmentMessages.Cancel cancel =
        new AmendmentMessages.Cancel(shop.id().value(), shop.code(), trade.tid(), trade.status(), closedByRefunds);
    outbox.enqueue(OrderMessages.AGGREGATE, OrderMessages.aggregateId(shop.id(), trade.tid()), OrderMessages.CANCEL_SALES_ORDER,
        json.writeValueAsString(cancel), OrderMessages.CANCEL_SALES_ORDER + ":" + shop.code() + ":" + trade.tid());
  }
}
