package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.sync.Inbox;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The receiver of a trade as screens and the API may show it: read from the trade's latest stored
 * snapshot, the name, phone numbers and street address masked again by {@link MaskedText} (on top of
 * Tmall's own masking); province, city, district and zip as Tmall sent them. Reads only.
 */
@Component
class TradeReceivers {
  private final Inbox inbox;
  private final OrderFeed feed;

  TradeReceivers(Inbox inbox, OrderFeed feed) {
    this.inbox = inbox;
    this.feed = feed;
  }

  /** Empty when the bridge holds no readable snapshot of the trade. */
  Optional<Receiver> masked(ShopId shop, String tid) {
    Optional<Inbox.Snapshot> snapshot = inbox.get(OrderMessages.INBOX_SOURCE, shop, tid);
    if (snapshot.isEmpty()) {
      return Optional.empty();
    }
    ChannelTrade t;
    try {
      t = feed.fromSnapshot(snapshot.get().payload());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new Receiver(MaskedText.name(t.receiverName()), MaskedText.phone(t.receiverMobile()),
        MaskedText.phone(t.receiverPhone()), t.receiverState(), t.receiverCity(), t.receiverDistrict(),
        MaskedText.address(t.receiverAddress()), t.receiverZip()));
  }
}
