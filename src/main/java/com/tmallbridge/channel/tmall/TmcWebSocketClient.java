package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.MessageHandler;
import com.tmallbridge.channel.MessageStream;
import com.tmallbridge.channel.ShopCredentials;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes TMC messages over TOP's WebSocket channel (JDK {@link java.net.http.WebSocket}, one
 * {@link TmcLink} per connection) speaking top-link
 * frames ({@link TmcFrameCodec}): CONNECT with {@code app_key}, {@code group_name}, {@code
 * timestamp} (epoch ms) and {@code sign} (TOP md5 over those three), then a pull request ({@code
 * __kind}=1) at once and every {@code fetchPeriod}. Each Data message ({@code __kind}=3) goes to a
 * bounded local queue served by {@code workers} threads running the handler; success sends
 * Confirm ({@code __kind}=2, {@code id}), an exception sends Failed ({@code __kind}=20, {@code id},
 * {@code msg}) and a full queue answers Failed at once, so TOP delivers the message again later.
 * A ping every {@code heartbeatInterval} keeps the connection alive; a connection that dropped,
 * was refused or stayed silent for three intervals is re-opened after a back-off that doubles up to
 * {@code reconnectMaxDelay}. Thread-safe.
 */
final class TmcWebSocketClient implements MessageStream.Connection {
  private static final Logger log = LoggerFactory.getLogger(TmcWebSocketClient.class);
  private static final String SDK = "tmallbridge";
  private static final int MAX_FAIL_REASON = 128;

  private final TmcProperties properties;
  private final ShopCredentials app;
  private final MessageHandler handler;
  private final Clock clock;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler = TmcThreads.scheduler("tmc-ws");
  private final ThreadPoolExecutor workers;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable TmcLink current;
  private int failures;
  private final TmcLink.Events events = new TmcLink.Events() {
    @Override
    public void opened(TmcLink link) {
      link.send(TmcFrame.of(TmcFrame.CONNECT, null, connectHeaders()));
    }

    @Override
    public void received(TmcLink link, TmcFrame frame) {
      onFrame(link, frame);
    }

    @Override
    public void lost(TmcLink link) {
      TmcWebSocketClient.this.lost(link);
    }
  };

  TmcWebSocketClient(TmcProperties properties, ShopCredentials app, MessageHandler handler, Clock clock) {
    this.properties = properties;
    this.app = app;
    this.handler = handler;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    this.workers = TmcThreads.workers("tmc-handler", properties.workers(), properties.queueCapacity());
  }

  /** Opens the first connection (asynchronously) and starts the heartbeat. */
  TmcWebSocketClient start() {
    scheduler.execute(this::connect);
    long heartbeat = properties.heartbeatInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    long fetch = properties.fetchPeriod().toMillis();
    scheduler.scheduleWithFixedDelay(this::pull, fetch, fetch, TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public boolean isConnected() {
    TmcLink link = current;
    return !closed.get() && link != null && link.token() != null && !link.isLost();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    scheduler.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    TmcLink link = current;
    if (link != null) {
      link.markLost();
      link.close();
    }
    log.info("TMC WebSocket consumer for app {} stopped", app.appKey());
  }

  private void connect() {
    if (closed.get()) {
      return;
    }
    TmcLink link = new TmcLink(clock, events);
    current = link;
    log.info("TMC: connecting to {} as app {} group {}", properties.url(), app.appKey(), properties.groupName());
    http.newWebSocketBuilder()
        .connectTimeout(properties.connectTimeout())
        .buildAsync(properties.url(), link)
        .whenComplete((ws, error) -> {
          if (error != null) {
            log.warn("TMC: cannot open {}: {}", properties.url(), String.valueOf(error.getCause() == null ? error : error.getCause()));
            lost(link);
          }
        });
  }

  /** Called once per connection when it is gone; schedules the next one. */
  private void lost(TmcLink link) {
    if (!link.markLost()) {
      return;
    }
    link.close();
    if (closed.get() || current != link) {
      return;
    }
    long delay;
    synchronized (this) {
      failures++;
      delay = backoff(failures).toMillis();
    }
    log.info("TMC: connection lost; reconnecting in {} ms", delay);
    try {
      scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("TMC: consumer closing, no reconnect");
    }
  }

  Duration backoff(int failures) {
    Duration delay = properties.reconnectDelay();
    for (int i = 1; i < failures && delay.compareTo(properties.reconnectMaxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(properties.reconnectMaxDelay()) > 0 ? properties.reconnectMaxDelay() : delay;
  }

  private void heartbeat() {
    TmcLink link = current;
    if (link == null || link.isLost() || !link.isOpen()) {
      return;
    }
    long silentMillis = clock.millis() - link.lastHeard();
    long limit = link.token() == null ? properties.connectTimeout().toMillis() : 3 * properties.heartbeatInterval().toMillis();
    if (silentMillis > limit) {
      log.warn("TMC: nothing heard for {} ms; dropping the connection", silentMillis);
      lost(link);
      return;
    }
    link.ping();
  }

  private void pull() {
    TmcLink link = current;
    if (link != null && link.token() != null && !link.isLost()) {
      link.send(TmcFrame.of(TmcFrame.SEND, link.token(), Map.of(TmcFrame.KIND, (short) TmcFrame.KIND_PULL_REQUEST)));
    }
  }

  private void onFrame(TmcLink link, TmcFrame frame) {
    switch (frame.messageType()) {
      case TmcFrame.CONNECT_ACK -> connected(link, frame);
      case TmcFrame.SEND -> {
        if (frame.kind() == TmcFrame.KIND_DATA) {
          data(link, frame);
        } else {
          log.debug("TMC: ignoring a SEND of kind {}", frame.kind());
        }
      }
      case TmcFrame.SEND_ACK -> {
        if (frame.statusCode() != null && frame.statusCode() != 0) {
          log.warn("TMC: server answered {} {}", frame.statusCode(), frame.statusPhrase());
        }
      }
      default -> log.debug("TMC: ignoring a frame of type {}", frame.messageType());
    }
  }

  private void connected(TmcLink link, TmcFrame ack) {
    boolean refused = (ack.statusCode() != null && ack.statusCode() != 0) || ack.token() == null || ack.token().isEmpty();
    if (refused) {
      log.error("{} TMC: {} refused the connection of app {} group {}: status {} {}",
          TmallErrorCode.TMC_CONNECT_REFUSED.code(), properties.url(), app.appKey(), properties.groupName(),
          ack.statusCode(), ack.statusPhrase());
      lost(link);
      return;
    }
    link.acknowledged(ack.token());
    synchronized (this) {
      failures = 0;
    }
    log.info("TMC: connected to {} as app {} group {}", properties.url(), app.appKey(), properties.groupName());
    pull();
  }

  private void data(TmcLink link, TmcFrame frame) {
    ChannelMessage message;
    try {
      message = TmcMessageMapper.fromFrame(frame.headers());
    } catch (IllegalArgumentException e) {
      log.warn("TMC: unreadable data message dropped: {}", e.getMessage());
      return;
    }
    try {
      workers.execute(() -> process(message));
    } catch (RejectedExecutionException e) {
      log.warn("TMC: local queue full ({} messages); message {} is failed back to TOP", properties.queueCapacity(), message.id());
      reply(message.id(), TmcFrame.KIND_FAILED, "bridge busy: local queue full");
    }
  }

  private void process(ChannelMessage message) {
    try {
      handler.handle(message);
    } catch (Exception | Error e) {
      log.warn("TMC: message {} ({}) failed and will come again: {}", message.id(), message.topic(), String.valueOf(e));
      reply(message.id(), TmcFrame.KIND_FAILED, String.valueOf(e.getMessage() == null ? e : e.getMessage()));
      return;
    }
    reply(message.id(), TmcFrame.KIND_CONFIRM, null);
  }

  /** Confirms or fails a message on the current connection; without one the message simply comes again. */
  private void reply(String id, int kind, @Nullable String reason) {
    TmcLink link = current;
    if (link == null || link.token() == null || link.isLost()) {
      log.debug("TMC: not connected; message {} is left unconfirmed", id);
      return;
    }
    Map<String, @Nullable Object> headers = new LinkedHashMap<>();
    headers.put(TmcFrame.KIND, (short) kind);
    headers.put("id", idValue(id));
    if (reason != null) {
      headers.put("msg", reason.length() <= MAX_FAIL_REASON ? reason : reason.substring(0, MAX_FAIL_REASON));
    }
    link.send(TmcFrame.of(TmcFrame.SEND, link.token(), headers));
  }

  /** Message ids are int64 on the wire; an id that is not a number is echoed as text. */
  private static Object idValue(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return id;
    }
  }

  private Map<String, @Nullable Object> connectHeaders() {
    String timestamp = Long.toString(clock.millis());
    Map<String, String> signed = Map.of("app_key", app.appKey(), "group_name", properties.groupName(), "timestamp", timestamp);
    Map<String, @Nullable Object> headers = new LinkedHashMap<>();
    headers.put("app_key", app.appKey());
    headers.put("group_name", properties.groupName());
    headers.put("timestamp", timestamp);
    headers.put("sign", TopSigner.sign(signed, app.appSecret(), TopSigner.MD5));
    headers.put("sdk", SDK);
    return headers;
  }
}
