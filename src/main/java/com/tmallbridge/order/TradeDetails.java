package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.product.SkuMatch;
import com.tmallbridge.product.SkuMatching;
import com.tmallbridge.product.SkuRef;
import com.tmallbridge.sync.Inbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Assembles a {@link TradeDetail}: the bridge's row and lines, Tmall's side from the latest inbox
 * snapshot (masked, each sub-order with the material it maps to today through {@link SkuMatching}),
 * the trade's exceptions and its amendment state. Reads only; a snapshot that cannot be read leaves
 * the Tmall side out rather than failing the page.
 */
@Component
class TradeDetails {
  private final OrderRepository trades;
  private final TradeHistoryRepository history;
  private final Inbox inbox;
  private final OrderFeed feed;
  private final SkuMatching matching;

  TradeDetails(OrderRepository trades, TradeHistoryRepository history, Inbox inbox, OrderFeed feed, SkuMatching matching) {
    this.trades = trades;
    this.history = history;
    this.inbox = inbox;
    this.feed = feed;
    this.matching = matching;
  }

  Optional<TradeDetail> of(ShopId shop, String tid) {
    TradeView trade = trades.trade(shop, tid);
    Optional<Instant[]> times = history.times(shop, tid);
    if (trade == null || times.isEmpty()) {
      return Optional.empty();
    }
    var amendment = history.amendment(shop, tid);
    return Optional.of(new TradeDetail(trade, times.get()[0], times.get()[1], snapshot(shop, tid), trades.lines(shop, tid),
        history.exceptions(shop, tid), amendment.map(TradeHistoryRepository.Amendment::snapshotModified).orElse(null),
        amendment.map(TradeHistoryRepository.Amendment::cancelRequestedAt).orElse(null),
        amendment.map(TradeHistoryRepository.Amendment::cancelOutcome).orElse(null)));
  }

  private @Nullable TradeSnapshotView snapshot(ShopId shop, String tid) {
    Optional<Inbox.Snapshot> stored = inbox.get(OrderMessages.INBOX_SOURCE, shop, tid);
    if (stored.isEmpty()) {
      return null;
    }
    ChannelTrade t;
    try {
      t = feed.fromSnapshot(stored.get().payload());
    } catch (IllegalArgumentException e) {
      return null;
    }
    Map<String, SkuRef> refs = new LinkedHashMap<>();
    t.lines().forEach(l -> refs.put(l.oid(), new SkuRef(l.numIid(), l.skuId() == null ? "" : l.skuId(), l.outerSkuId(), l.outerIid())));
    Map<SkuRef, SkuMatch> matches = matching.match(shop, refs.values());
    List<TradeSnapshotLine> lines = new ArrayList<>();
    for (ChannelTradeLine l : t.lines()) {
      SkuMatch m = matches.get(refs.get(l.oid()));
      boolean mapped = m != null && m.matched();
      lines.add(new TradeSnapshotLine(l.oid(), l.numIid(), l.skuId() == null ? "" : l.skuId(), l.outerSkuId(), l.outerIid(), l.title(),
          l.skuPropertiesName(), l.num(), l.priceFen(), l.paymentFen(), m == null ? null : m.code(),
          m == null || m.source() == null ? null : m.source().name(), mapped ? null : m == null ? "was not matched" : m.problem()));
    }
    String region = Stream.of(t.receiverState(), t.receiverCity(), t.receiverDistrict()).filter(s -> s != null && !s.isBlank())
        .collect(Collectors.joining(" "));
    return new TradeSnapshotView(t.status(), t.modified(), stored.get().receivedAt(), t.paymentFen(), t.postFeeFen(), t.discountFeeFen(),
        MaskedText.name(t.buyerNick()), MaskedText.name(t.receiverName()),
        MaskedText.phone(t.receiverMobile() != null ? t.receiverMobile() : t.receiverPhone()), region,
        MaskedText.address(t.receiverAddress()), MaskedText.note(t.buyerMessage()), MaskedText.note(t.sellerMemo()), lines);
  }
}
