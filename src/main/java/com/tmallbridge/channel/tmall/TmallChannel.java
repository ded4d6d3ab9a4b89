package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.CategoryDirectory;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelItem;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ItemCatalog;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.ShopProbe;
import com.tmallbridge.channel.TradeCensus;
import com.tmallbridge.channel.UnreadableTrade;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.core.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The Tmall sales channel over TOP: {@link OrderFeed} (taobao.trades.sold.increment.get read last
 * page first, completed with taobao.trade.fullinfo.get; pushed trades listed by status over a short
 * window, {@link PushedTradeReader}), {@link ItemCatalog} (items.onsale.get,
 * item.seller.get, items.seller.list.get), {@link TradeCensus} (trades.sold.get by created time),
 * {@link CategoryDirectory} (itemcats.get) and {@link ShopProbe}. Failures surface as {@link
 * ChannelException} after the client's retries. Thread-safe; one bean serves every shop.
 */
@Component
public class TmallChannel implements OrderFeed, ItemCatalog, ShopProbe, TradeCensus, CategoryDirectory {
  private static final Duration PROBE_WINDOW = Duration.ofMinutes(1);

  private final TopClient client;
  private final TmallTradeFeed trades;
  private final TmallItemCatalog items;
  private final PushedTradeReader pushed;
  private final TmallTradeCensus census;
  private final TmallCategoryDirectory categories;
  private final Clock clock;
  private final String types;

  TmallChannel(TopClient client, TmallProperties properties, Clock clock) {
    this.client = client;
    this.types = String.join(",", properties.tradeTypes());
    this.trades = new TmallTradeFeed(client, properties.pageSize(), types);
    this.items = new TmallItemCatalog(client);
    this.pushed = new PushedTradeReader(client, trades, types, clock);
    this.census = new TmallTradeCensus(client);
    this.categories = new TmallCategoryDirectory(client);
    this.clock = clock;
  }

  @Override
  public void changedTrades(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink) {
    trades.changedTrades(shop, window, pageSink, null);
  }

  @Override
  public void changedTrades(
      ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink, Consumer<UnreadableTrade> unreadableSink) {
    trades.changedTrades(shop, window, pageSink, unreadableSink);
  }

  @Override
  public Optional<ChannelTrade> trade(ShopCredentials shop, String tid) {
    return trades.trade(shop, tid);
  }

  /** Lists pushed trades by status over a short modified window, see {@link PushedTradeReader}. */
  @Override
  public int pushedTrades(ShopCredentials shop, List<ChannelMessage> messages, PushedTradeSink sink) {
    return pushed.read(shop, messages, sink);
  }

  /** taobao.trades.sold.get by created time, see {@link TmallTradeCensus}. */
  @Override
  public List<TradeStamp> createdBetween(ShopCredentials shop, Instant start, Instant end) {
    return census.createdBetween(shop, start, end);
  }

  /** taobao.itemcats.get, then the parents, see {@link TmallCategoryDirectory}. */
  @Override
  public Map<Long, ChannelCategory> categories(ShopCredentials shop, Collection<Long> cids) {
    return cids.isEmpty() ? Map.of() : categories.categories(shop, cids);
  }

  @Override
  public ChannelTrade fromSnapshot(String rawJson) {
    return TradeMapper.fromJson(rawJson);
  }

  @Override
  public void onSaleItems(ShopCredentials shop, Consumer<List<ChannelItem>> pageSink) {
    items.onSaleItems(shop, pageSink);
  }

  @Override
  public Optional<ChannelItem> item(ShopCredentials shop, String numIid) {
    return items.item(shop, numIid);
  }

  @Override
  public List<ChannelItem> items(ShopCredentials shop, Collection<String> numIids) {
    return items.items(shop, numIids);
  }

  /** Asks for the trades modified in the last minute, one per page, only their tid. */
  @Override
  public ProbeResult probe(ShopCredentials shop) {
    Instant start = clock.instant();
    TimeWindow lastMinute = new TimeWindow(start.minus(PROBE_WINDOW), start);
    try {
      TopResponse response = client.call(shop, TradeRequests.incrementGet(lastMinute, "tid", types, 1, 1));
      return new ProbeResult(
          true,
          TradeRequests.INCREMENT_GET + " succeeded; " + response.totalResults() + " trade(s) changed in the last minute",
          millisSince(start));
    } catch (ChannelException e) {
      return new ProbeResult(false, e.getMessage(), millisSince(start));
    }
  }

  /**
   * Lets calls for {@code shop} go out again after TOP reported its session invalid (calls with
   * new credentials are let out without this).
   */
  public void clearReauthorisation(ShopId shop) {
    client.clearReauthorisation(shop);
  }

  /** Whether calls for {@code shop} are refused until the seller authorises the app again. */
  public boolean needsReauthorisation(ShopId shop) {
    return client.needsReauthorisation(shop);
  }

  private long millisSince(Instant start) {
    return Math.max(0, Duration.between(start, clock.instant()).toMillis());
  }
}
