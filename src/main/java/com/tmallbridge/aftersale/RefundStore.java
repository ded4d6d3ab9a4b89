package com.tmallbridge.aftersale;

import com.tmallbridge.channel.ChannelRefund;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores refund snapshots: a snapshot is applied only when the refund is new or its {@code
 * modified} is newer than the stored one, or equal with a later step of the case (replays change
 * nothing), its status goes to the history,
 * and an {@code aftersale.refund.follow} message is enqueued in the same transaction, keyed by the
 * snapshot's modified time, so the rules run once per applied snapshot.
 */
@Component
class RefundStore {
  private final RefundRepository refunds;
  private final Outbox outbox;
  private final JsonMapper json;
  private final Clock clock;

  RefundStore(RefundRepository refunds, Outbox outbox, JsonMapper json, Clock clock) {
    this.refunds = refunds;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  /** Whether the refund is stored at that version or a later one, so a snapshot of it would change nothing. */
  public boolean holds(Shop shop, String refundId, Instant modified, String status) {
    return refunds.holds(shop.id(), refundId, modified, status);
  }

  /** Stores one page in one transaction; returns how many snapshots were applied. */
  @Transactional
  public int storePage(Shop shop, List<ChannelRefund> page) {
    Instant now = clock.instant();
    int applied = 0;
    for (ChannelRefund refund : page) {
      if (refunds.apply(shop.id(), refund, now)) {
        applied++;
        outbox.enqueue(RefundMessageHandler.AGGREGATE, shop.id().value() + ":" + refund.refundId(), RefundMessageHandler.TYPE,
            json.writeValueAsString(new RefundMessageHandler.Payload(shop.id().value(), refund.refundId())),
            RefundMessageHandler.TYPE + ":" + shop.code() + ":" + refund.refundId() + ":" + refund.modified().toEpochMilli() + ":"
                + refund.status());
      }
    }
    return applied;
  }
}
