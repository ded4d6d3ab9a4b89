package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.MessageHandler;
import com.tmallbridge.channel.MessageStream;
import com.tmallbridge.channel.ShopCredentials;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Consumes TMC messages over HTTP, TOP's fallback to the WebSocket channel: taobao.tmc.messages.consume
 * takes up to {@code batchSize} messages, the handler runs on {@code workers} threads, and the
 * messages it processed are confirmed with taobao.tmc.messages.confirm (200 ids per call). A
 * message whose handler threw is simply not confirmed: TOP delivers it again later. An empty answer
 * waits {@code idleDelayMin}, doubling up to {@code idleDelayMax} while the queue stays empty (TOP's
 * docs ask for such a pause); a failed call waits {@code reconnectDelay}, doubling up to {@code
 * reconnectMaxDelay}. A call refused for the application's credentials is told to the {@link
 * MessageStream.RefusalListener} once per run of refusals. Thread-safe.
 */
final class TmcHttpConsumer implements MessageStream.Connection {
  private static final Logger log = LoggerFactory.getLogger(TmcHttpConsumer.class);

  private final TopClient client;
  private final TmcProperties properties;
  private final ShopCredentials app;
  private final MessageHandler handler;
  private final Timer queued;
  private final MessageStream.RefusalListener refusals;
  private final Clock clock;
  private final ScheduledExecutorService scheduler = TmcThreads.scheduler("tmc-http");
  private final ThreadPoolExecutor workers;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean connected;
  private boolean refused;
  private Duration idleDelay = Duration.ZERO;
  private Duration errorDelay = Duration.ZERO;

  /** @param app credentials of the application; its session is not sent (the TMC APIs are app-level) */
  TmcHttpConsumer(TopClient client, TmcProperties properties, ShopCredentials app, MessageHandler handler,
      MessageStream.RefusalListener refusals, Clock clock) {
    this(client, properties, app, handler, refusals, clock, Timer.builder("bridge.tmc.queued").register(new CompositeMeterRegistry()));
  }

  /** @param queued records how long each received message waited for a handler thread */
  TmcHttpConsumer(TopClient client, TmcProperties properties, ShopCredentials app, MessageHandler handler,
      MessageStream.RefusalListener refusals, Clock clock, Timer queued) {
    this.queued = queued;
    this.client = client;
    this.properties = properties;
    this.app = new ShopCredentials(app.shop(), app.gatewayUrl(), app.appKey(), app.appSecret(), "", app.signMethod());
    this.handler = handler;
    this.refusals = refusals;
    this.clock = clock;
    this.workers = TmcThreads.workers("tmc-handler", properties.workers(), properties.batchSize());
  }

  TmcHttpConsumer start() {
    scheduler.execute(this::poll);
    return this;
  }

  @Override
  public boolean isConnected() {
    return connected && !closed.get();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    scheduler.shutdown();
    workers.shutdown();
    try {
      long grace = properties.shutdownGrace().toMillis();
      if (!scheduler.awaitTermination(grace, TimeUnit.MILLISECONDS) || !workers.awaitTermination(grace, TimeUnit.MILLISECONDS)) {
        scheduler.shutdownNow();
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.info("TMC HTTP consumer for app {} stopped", app.appKey());
  }

  /** One consume → handle → confirm round; schedules the next. */
  private void poll() {
    if (closed.get()) {
      return;
    }
    Duration next;
    try {
      List<ChannelMessage> messages = consume();
      connected = true;
      refused = false;
      errorDelay = Duration.ZERO;
      if (messages.isEmpty()) {
        idleDelay = grow(idleDelay, properties.idleDelayMin(), properties.idleDelayMax());
        next = idleDelay;
      } else {
        idleDelay = Duration.ZERO;
        confirm(handle(messages));
        next = Duration.ZERO;
      }
    } catch (ChannelException e) {
      connected = false;
      errorDelay = grow(errorDelay, properties.reconnectDelay(), properties.reconnectMaxDelay());
      next = e.retryAfter() == null ? errorDelay : max(errorDelay, Duration.between(clock.instant(), e.retryAfter()));
      log.warn("TMC: {} failed, next poll in {}: {}", TmcRequests.MESSAGES_CONSUME, next, e.getMessage());
      if (e.kind() == ChannelException.Kind.NEEDS_REAUTHORISATION && !refused) {
        refused = true;
        tell(e);
      }
    } catch (RuntimeException e) {
      connected = false;
      errorDelay = grow(errorDelay, properties.reconnectDelay(), properties.reconnectMaxDelay());
      next = errorDelay;
      log.error("TMC: unexpected failure while polling, next poll in {}", next, e);
    }
    schedule(next);
  }

  private void tell(ChannelException refusal) {
    try {
      refusals.refused(refusal);
    } catch (RuntimeException e) {
      log.warn("TMC: the refusal listener failed: {}", String.valueOf(e));
    }
  }

  private void schedule(Duration delay) {
    try {
      scheduler.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("TMC: consumer closing, no further poll");
    }
  }

  private List<ChannelMessage> consume() {
    TopResponse response = client.call(app, TmcRequests.consume(properties.groupName(), properties.defaultGroup(), properties.batchSize()));
    List<ChannelMessage> messages = new ArrayList<>();
    for (JsonNode entry : response.list("messages")) {
      try {
        messages.add(TmcMessageMapper.fromJson(entry));
      } catch (IllegalArgumentException e) {
        log.warn("TMC: unreadable message left unconfirmed: {} ({})", e.getMessage(), TopEnvelopeParser.excerpt(entry.toString()));
      }
    }
    return messages;
  }

  /** Runs the handler on every message; returns the ids of those it processed. */
  private List<String> handle(List<ChannelMessage> messages) {
    List<CompletableFuture<@Nullable String>> results = new ArrayList<>();
    long received = System.nanoTime();
    for (ChannelMessage message : messages) {
      results.add(CompletableFuture.supplyAsync(() -> process(message, received), workers).thenCompose(s -> s));
    }
    List<String> processed = new ArrayList<>();
    for (CompletableFuture<@Nullable String> result : results) {
      String id = result.join();
      if (id != null) {
        processed.add(id);
      }
    }
    return processed;
  }

  /** Starts the handler; the stage yields the message id once handled, null when it failed. */
  private CompletableFuture<@Nullable String> process(ChannelMessage message, long received) {
    queued.record(System.nanoTime() - received, TimeUnit.NANOSECONDS);
    CompletionStage<Void> handled;
    try {
      handled = handler.handleAsync(message);
    } catch (RuntimeException | Error e) {
      handled = CompletableFuture.failedFuture(e);
    }
    return handled.handle((ignored, e) -> {
      if (e == null) {
        return message.id();
      }
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      log.warn("TMC: message {} ({}) failed and will come again: {}", message.id(), message.topic(), String.valueOf(cause));
      return null;
    }).toCompletableFuture();
  }

  private void confirm(List<String> ids) {
    for (int from = 0; from < ids.size(); from += TmcRequests.MAX_CONFIRM_IDS) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + TmcRequests.MAX_CONFIRM_IDS));
      try {
        TopResponse response = client.call(app, TmcRequests.confirm(properties.groupName(), properties.defaultGroup(), chunk));
        if (!TopValues.bool(response.body(), "is_success", true)) {
          log.warn("TMC: {} answered is_success=false for {} messages; they will come again", TmcRequests.MESSAGES_CONFIRM, chunk.size());
        }
      } catch (ChannelException e) {
        log.warn("TMC: confirming {} messages failed; they will come again: {}", chunk.size(), e.getMessage());
      }
    }
  }

  private static Duration grow(Duration current, Duration min, Duration max) {
    Duration next = current.isZero() ? min : current.multipliedBy(2);
    return next.compareTo(max) > 0 ? max : next;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
