package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.MessageHandler;
import com.tmallbridge.channel.MessageStream;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Consumes the channel's push messages (Tmall TMC) into the order flow. {@link #start()} subscribes
 * every shop that may be called ({@link MessageStream#subscribe}, all the app's topics) and starts
 * one stream per application (gateway + app key: TMC is per app), when {@code
 * bridge.channel.tmall.tmc.enabled} is true; {@link OrderSync} calls it from its own start and stop.
 *
 * <p>For a trade topic the trade is read ({@link OrderFeed#pushedTrades}, together with the other
 * trades pushed meanwhile: {@link PushedTradeBatches}) and imported through {@link
 * TradeImporter#importPage}, the path polling uses: the inbox applies a snapshot only when it is
 * newer, so a message delivered twice or after a newer one changes nothing. The message is confirmed
 * only once its trade is committed in the inbox. Handling is asynchronous ({@link
 * MessageHandler#handleAsync}): the stream's threads never wait for a fetch, so messages confirmed
 * without a fetch (skipped topics) do not queue behind fetches. For a refund topic a
 * {@link RefundChangeNoticed} event is published for the after-sale flow. Any other topic, a message
 * for a seller no shop matches ({@link TradeMessageCode#UNKNOWN_SHOP}) or one without the id to
 * fetch is logged and confirmed, and so is a topic of {@code bridge.order.messages.skip-topics}
 * (default {@code taobao_trade_TradeCreate}: nothing to do before payment). The handler throws, so that the channel delivers the message again,
 * only for transient trouble: a retryable or flow-control channel failure, a paused shop, a database
 * error — or, for a refund topic, whatever a {@link RefundChangeNoticed} listener throws (listeners
 * run synchronously inside {@code publishEvent}). Polling stays on as the catch-up path for
 * anything a message missed.
 *
 * <p>Messages are routed concurrently on the stream's worker threads
 * ({@code bridge.channel.tmall.tmc.workers}); the trades of one shop are read on that shop's own
 * reading thread, one round after the other, and imported on its own importing thread in the order
 * they were read, so two messages of one trade are never imported at once within this process.
 * Thread-safe.
 *
 * <p>Timers: {@code bridge.order.message} (a trade message from handler start to its import's
 * commit), split into {@code bridge.order.message.round}, {@code .read} and {@code .import} (the wait
 * for its round, the round's read, the import; {@link OrderMeters#messageStages}), and {@code
 * bridge.order.import} with tag {@code via=tmc} (one import of a round's answered trades).
 */
@Component
public class TradeMessages {
  private static final Logger log = LoggerFactory.getLogger(TradeMessages.class);

  private final MessageStream stream;
  private final OrderFeed feed;
  private final ShopManagement shops;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Set<String> skipTopics;
  private final List<MessageStream.Connection> connections = new ArrayList<>();
  private final Map<String, Long> shopByNick = new ConcurrentHashMap<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong imported = new AtomicLong();
  private final AtomicLong refunds = new AtomicLong();
  private final AtomicLong ignored = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final PushedTradeBatches batches;

  TradeMessages(MessageStream stream, OrderFeed feed, TradeImporter importer, ShopManagement shops,
      ApplicationEventPublisher events, Clock clock, TradeMessageProperties properties, MeterRegistry meters) {
    this.batches = new PushedTradeBatches(feed, importer, shops, clock, properties.batchInterval(), properties.callsPerSecond(), OrderMeters.messageTimer(meters),
        OrderMeters.messageStages(meters), OrderMeters.importTimer(meters, "tmc"), new PushedTradeBatches.Outcomes() {
          @Override
          public void imported() {
            imported.incrementAndGet();
          }

          @Override
          public void ignored() {
            ignored.incrementAndGet();
          }
        });
    this.skipTopics = Set.copyOf(properties.skipTopics());
    this.stream = stream;
    this.feed = feed;
    this.shops = shops;
    this.events = events;
    this.clock = clock;
  }

  /** Whether this installation consumes pushed messages ({@code bridge.channel.tmall.tmc.enabled}). */
  public boolean enabled() {
    return stream.enabled();
  }

  /**
   * Subscribes the shops and starts one stream per application, when enabled and not already
   * running. A shop whose subscription fails ({@link TradeMessageCode#SUBSCRIBE_FAILED}) or an app
   * whose stream does not start ({@link TradeMessageCode#STREAM_FAILED}) is logged and left to
   * polling. Shops added later are subscribed at the next start.
   *
   * @return the number of streams started
   */
  public synchronized int start() {
    if (!stream.enabled() || !connections.isEmpty()) {
      return 0;
    }
    batches.start();
    for (List<Shop> app : applications(false).values()) {
      for (Shop shop : app) {
        try {
          stream.subscribe(shop.credentials(), List.of());
        } catch (RuntimeException e) {
          log.warn("{} shop {}: {}", TradeMessageCode.SUBSCRIBE_FAILED.code(), shop.code(), e.getMessage());
        }
      }
      Shop first = app.get(0);
      String appKey = appOf(first);
      try {
        connections.add(stream.start(first.credentials(), handlerOf(appKey), problem -> refused(app, problem)));
        log.info("consuming pushed messages of app {} for {} shop(s)", first.credentials().appKey(), app.size());
      } catch (RuntimeException e) {
        log.error("{} app {}: {}", TradeMessageCode.STREAM_FAILED.code(), first.credentials().appKey(), e.getMessage());
      }
    }
    return connections.size();
  }

  private MessageHandler handlerOf(String appKey) {
    return new MessageHandler() {
      @Override
      public void handle(ChannelMessage message) throws Exception {
        TradeMessages.this.handle(appKey, message);
      }

      @Override
      public CompletionStage<Void> handleAsync(ChannelMessage message) {
        return TradeMessages.this.handleAsync(appKey, message);
      }

      @Override
      public void failedBack(ChannelMessage message) {
        TradeMessages.this.failedBack(message);
      }
    };
  }

  /**
   * The channel refused the application's credentials (TMC: 401 {@code invalid sign}): every shop of
   * the application needs re-authorisation, which stops its calls until new credentials are added.
   */
  private void refused(List<Shop> app, ChannelException problem) {
    log.error("{} app {}: {}", TradeMessageCode.STREAM_REFUSED.code(), app.get(0).credentials().appKey(), problem.getMessage());
    for (Shop shop : app) {
      shops.recordFailure(shop.id(), problem);
    }
  }

  /** Closes every stream (messages in progress and not yet confirmed come again later). Idempotent. */
  public synchronized void stop() {
    for (MessageStream.Connection c : connections) {
      try {
        c.close();
      } catch (RuntimeException e) {
        log.warn("closing a message stream failed: {}", e.getMessage());
      }
    }
    connections.clear();
    batches.stop();
  }

  /** Whether at least one stream runs and every running stream is connected. */
  public synchronized boolean connected() {
    return !connections.isEmpty() && connections.stream().allMatch(MessageStream.Connection::isConnected);
  }

  /** Counters since this process started. */
  public Stats stats() {
    return new Stats(received.get(), imported.get(), refunds.get(), ignored.get(), failed.get());
  }

  /**
   * Handles one message of the application {@code appKey} (gateway + app key) and waits for the
   * outcome. Returns normally to confirm it; throws to have it delivered again.
   */
  void handle(String appKey, ChannelMessage message) throws Exception {
    try {
      handleAsync(appKey, message).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Handles one message of the application {@code appKey}: completes normally to confirm it,
   * exceptionally to have it delivered again. A trade message to fetch returns at once; its stage
   * completes when {@link PushedTradeBatches} imported its trade.
   */
  CompletableFuture<Void> handleAsync(String appKey, ChannelMessage message) {
    received.incrementAndGet();
    CompletableFuture<Void> outcome;
    try {
      outcome = route(appKey, message);
    } catch (RuntimeException | Error e) {
      outcome = CompletableFuture.failedFuture(e);
    }
    return outcome.whenComplete((ok, e) -> {
      if (e != null) {
        failed.incrementAndGet();
      }
    });
  }

  /** The stream failed {@code message} back without handing it over (its local queue was full): it counts as received and failed. */
  void failedBack(ChannelMessage message) {
    received.incrementAndGet();
    failed.incrementAndGet();
  }

  private CompletableFuture<Void> route(String appKey, ChannelMessage message) {
    CompletableFuture<Void> confirm = CompletableFuture.completedFuture(null);
    if (!message.isTradeEvent() && !message.isRefundEvent() || skipTopics.contains(message.topic())) {
      ignored.incrementAndGet();
      log.debug("message {} topic {} is not a trade or refund event, or skipped; confirmed", message.id(), message.topic());
      return confirm;
    }
    Optional<Shop> found = resolve(appKey, message);
    if (found.isEmpty()) {
      ignored.incrementAndGet();
      log.warn("{} message {} ({}) for seller {}: no shop of app {} matches; confirmed", TradeMessageCode.UNKNOWN_SHOP.code(),
          message.id(), message.topic(), message.userNick(), appKey);
      return confirm;
    }
    Shop shop = found.get();
    if (message.isRefundEvent()) {
      if (message.refundId() == null) {
        incomplete(message);
        return confirm;
      }
      events.publishEvent(new RefundChangeNoticed(shop.id(), message.refundId(), message.tid()));
      refunds.incrementAndGet();
      return confirm;
    }
    if (message.tid() == null) {
      incomplete(message);
      return confirm;
    }
    if (shop.status() == ShopStatus.NEEDS_REAUTH) {
      ignored.incrementAndGet();
      log.warn("{} message {} trade {}: shop {} needs re-authorisation; confirmed, polling catches up",
          TradeMessageCode.FETCH_REFUSED.code(), message.id(), message.tid(), shop.code());
      return confirm;
    }
    if (!shop.callableAt(clock.instant())) {
      throw new IllegalStateException("shop " + shop.code() + " is paused until " + shop.pausedUntil() + "; message comes again");
    }
    return batches.submit(shop, message);
  }

  private void incomplete(ChannelMessage message) {
    ignored.incrementAndGet();
    log.warn("{} message {} ({}) carries no {}; confirmed", TradeMessageCode.INCOMPLETE_MESSAGE.code(), message.id(),
        message.topic(), message.isRefundEvent() ? "refund_id" : "tid");
  }

  /**
   * The shop of the application the message's seller nick names: the shop whose name or code is the
   * nick, else the only shop of the app, else the one whose trade the message names (asked once per
   * nick, then remembered).
   */
  private Optional<Shop> resolve(String appKey, ChannelMessage message) {
    List<Shop> app = applications(true).getOrDefault(appKey, List.of());
    if (app.isEmpty()) {
      return Optional.empty();
    }
    @Nullable String nick = message.userNick();
    if (nick != null) {
      Long known = shopByNick.get(appKey + "\n" + nick);
      if (known != null) {
        Optional<Shop> s = app.stream().filter(x -> x.id().value() == known).findFirst();
        if (s.isPresent()) {
          return s;
        }
      }
      Optional<Shop> named = app.stream().filter(s -> nick.equals(s.name()) || nick.equals(s.code())).findFirst();
      if (named.isPresent()) {
        return named;
      }
    }
    if (app.size() == 1) {
      return Optional.of(app.get(0));
    }
    if (nick == null || message.tid() == null) {
      return Optional.empty();
    }
    for (Shop s : app) {
      if (s.status() == ShopStatus.NEEDS_REAUTH || !s.callableAt(clock.instant())) {
        continue;
      }
      try {
        if (feed.trade(s.credentials(), message.tid()).isPresent()) {
          shopByNick.put(appKey + "\n" + nick, s.id().value());
          return Optional.of(s);
        }
      } catch (ChannelException e) {
        if (e.kind() == ChannelException.Kind.RETRYABLE || e.kind() == ChannelException.Kind.BANNED) {
          throw e;
        }
      }
    }
    return Optional.empty();
  }

  /** Shops grouped by application; all of them, or only those not waiting for re-authorisation. */
  private Map<String, List<Shop>> applications(boolean all) {
    Map<String, List<Shop>> apps = new LinkedHashMap<>();
    for (Shop s : shops.list()) {
      if (all || s.status() != ShopStatus.NEEDS_REAUTH) {
        apps.computeIfAbsent(appOf(s), k -> new ArrayList<>()).add(s);
      }
    }
    return apps;
  }

  private static String appOf(Shop shop) {
    return shop.credentials().gatewayUrl() + " " + shop.credentials().appKey();
  }

  /**
   * Message counters.
   *
   * @param received messages the stream received (redeliveries count again), those it failed back
   *     at once because its local queue was full included
   * @param imported trade messages whose trade went through the importer
   * @param refunds refund messages published as {@link RefundChangeNoticed} whose listeners returned normally
   * @param ignored messages confirmed without effect (other topics, unknown sellers, nothing to fetch)
   * @param failed messages failed back to the channel for redelivery: by the handler, or by the
   *     stream without handing them over because its local queue was full ("bridge busy")
   */
  public record Stats(long received, long imported, long refunds, long ignored, long failed) {}
}
