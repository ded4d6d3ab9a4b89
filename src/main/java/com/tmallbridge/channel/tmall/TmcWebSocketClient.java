package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.MessageHandler;
import com.tmallbridge.channel.MessageStream;
import com.tmallbridge.channel.ShopCredentials;
import java.net.http.HttpClient;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes TMC messages over TOP's WebSocket channel (JDK {@link java.net.http.WebSocket}, one
 * {@link TmcLink} per connection) speaking top-link frames ({@link TmcFrameCodec}) as Taobao's own
 * client does (spec §3.6):
 *
 * <ul>
 *   <li>CONNECT with a request {@code flag} and {@code app_key}, {@code group_name}, {@code
 *       timestamp} (epoch ms) and {@code sign} (TOP md5 over those three); the CONNECTACK carries the
 *       connection token. A CONNECTACK with a status code (TOP answers 401 and a phrase such as
 *       {@code invalid sign}) is a refusal of the application's credentials: it is reported once per
 *       run of refusals to the {@link MessageStream.RefusalListener} as {@link
 *       ChannelException.Kind#NEEDS_REAUTHORISATION} and the connection is tried again after the
 *       back-off.
 *   <li>A pull request ({@code __kind}=1) at once and every {@code fetchPeriod}. Each Data message
 *       ({@code __kind}=3) goes to a local queue served by {@code workers} threads that start the
 *       handler ({@link MessageHandler#handleAsync}); when its stage completes normally the client
 *       sends Confirm ({@code __kind}=2, {@code id}), exceptionally Failed ({@code __kind}=20,
 *       {@code id}, {@code msg}). At most {@code queueCapacity} + {@code workers} messages may be
 *       queued, in a worker or pending at once; one more is answered Failed at once, so TOP
 *       delivers it again later, and the handler is told ({@link MessageHandler#failedBack}). Every frame sent after the CONNECTACK carries the token,
 *       and {@code __kind} is written as a byte.
 *   <li>Liveness: TOP's server never answers WebSocket pings, so a missing pong proves nothing. The
 *       client still pings every {@code heartbeatInterval} without other traffic (it keeps NAT and
 *       proxies from closing an idle socket, as the official client does), and the link counts as
 *       lost only when the socket closes or errs, or a send — ping, pull request, confirm — fails.
 *       Silence after the CONNECTACK is normal for a quiet shop; silence before it, longer than
 *       {@code connectTimeout}, drops the attempt.
 *   <li>A connection that dropped or was refused is re-opened after a back-off that starts at {@code
 *       reconnectDelay} and doubles up to {@code reconnectMaxDelay}.
 * </ul>
 *
 * Thread-safe.
 */
final class TmcWebSocketClient implements MessageStream.Connection {
  private static final Logger log = LoggerFactory.getLogger(TmcWebSocketClient.class);
  private static final String SDK = "tmallbridge";
  private static final int MAX_FAIL_REASON = 128;

  private final TmcProperties properties;
  private final ShopCredentials app;
  private final MessageHandler handler;
  private final Timer queued;
  private final MessageStream.RefusalListener refusals;
  private final Clock clock;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler = TmcThreads.scheduler("tmc-ws");
  private final ThreadPoolExecutor workers;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Messages queued for a worker or waiting for their handler's stage to complete. */
  /** At most one "local queue full" warning this often; the messages between are counted in the next one. */
  private static final Duration BUSY_WARNING_EVERY = Duration.ofSeconds(10);

  private final AtomicInteger outstanding = new AtomicInteger();
  /** Fail-backs since the last "local queue full" warning: after a restart TOP redelivers its backlog at once. */
  private final AtomicLong busySinceWarning = new AtomicLong();
  private final AtomicReference<java.time.Instant> lastBusyWarning =
      new AtomicReference<>(Instant.EPOCH);
  private volatile @Nullable TmcLink current;
  private final AtomicInteger flags = new AtomicInteger();
  private int failures;
  private boolean refused;
  private final TmcLink.Events events = new TmcLink.Events() {
    @Override
    public void opened(TmcLink link) {
      link.send(new TmcFrame(TmcFrame.PROTOCOL_VERSION, TmcFrame.CONNECT, null, null, link.connectFlag(), null,
          connectHeaders()));
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

  TmcWebSocketClient(TmcProperties properties, ShopCredentials app, MessageHandler handler,
      MessageStream.RefusalListener refusals, Clock clock) {
    this(properties, app, handler, refusals, clock, Timer.builder("bridge.tmc.queued").register(new CompositeMeterRegistry()));
  }

  /** @param queued records how long each received message waited for a handler thread */
  TmcWebSocketClient(TmcProperties properties, ShopCredentials app, MessageHandler handler,
      MessageStream.RefusalListener refusals, Clock clock, Timer queued) {
    this.queued = queued;
    this.properties = properties;
    this.app = app;
    this.handler = handler;
    this.refusals = refusals;
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
    TmcLink link = new TmcLink(events, flags.incrementAndGet());
    current = link;
    schedule(() -> checkAcknowledged(link), properties.connectTimeout().plus(properties.connectTimeout()));
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
    Duration delay;
    synchronized (this) {
      failures++;
      delay = backoff(failures);
    }
    log.info("TMC: connection lost; reconnecting in {} ms", delay.toMillis());
    schedule(this::connect, delay);
  }

  /** Runs {@code task} on the client's thread after {@code delay}; nothing once the client is closing. */
  private void schedule(Runnable task, Duration delay) {
    try {
      scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("TMC: consumer closing, task not scheduled");
    }
  }

  Duration backoff(int failures) {
    Duration delay = properties.reconnectDelay();
    for (int i = 1; i < failures && delay.compareTo(properties.reconnectMaxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(properties.reconnectMaxDelay()) > 0 ? properties.reconnectMaxDelay() : delay;
  }

  /** Pings an accepted link; a failed send marks it lost ({@link TmcLink}), a missing pong does not. */
  private void heartbeat() {
    TmcLink link = current;
    if (link != null && link.token() != null && !link.isLost()) {
      link.ping();
    }
  }

  /** Drops an attempt that got no CONNECTACK within {@code connectTimeout} of being started. */
  private void checkAcknowledged(TmcLink link) {
    if (link.token() == null && !link.isLost()) {
      log.warn("TMC: no CONNECTACK within {}; dropping the attempt", properties.connectTimeout());
      lost(link);
    }
  }

  private void pull() {
    TmcLink link = current;
    if (link != null && link.token() != null && !link.isLost()) {
      link.send(TmcFrame.of(TmcFrame.SEND, link.token(), Map.of(TmcFrame.KIND, (byte) TmcFrame.KIND_PULL_REQUEST)));
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
    if (ack.flag() != null && ack.flag() != link.connectFlag()) {
      log.warn("TMC: CONNECTACK for request {} on a link that sent request {}; ignored", ack.flag(), link.connectFlag());
      return;
    }
    boolean refusedNow = (ack.statusCode() != null && ack.statusCode() != 0) || ack.token() == null || ack.token().isEmpty();
    if (refusedNow) {
      refused(link, ack);
      return;
    }
    link.acknowledged(ack.token());
    synchronized (this) {
      failures = 0;
      refused = false;
    }
    log.info("TMC: connected to {} as app {} group {}", properties.url(), app.appKey(), properties.groupName());
    pull();
  }

  /** A refused CONNECT: the credentials' problem goes to the listener once per run of refusals. */
  private void refused(TmcLink link, TmcFrame ack) {
    TmallErrorCode code = TmallErrorCode.TMC_CONNECT_REFUSED;
    String message = code.code() + " TMC: " + properties.url() + " refused the connection of app " + app.appKey()
        + " group " + properties.groupName() + ": status " + ack.statusCode() + " " + ack.statusPhrase();
    boolean first;
    synchronized (this) {
      first = !refused;
      refused = true;
    }
    log.error(message);
    if (first) {
      try {
        refusals.refused(new ChannelException(code, ChannelException.Kind.NEEDS_REAUTHORISATION, message, null, null));
      } catch (RuntimeException e) {
        log.warn("TMC: the refusal listener failed: {}", String.valueOf(e));
      }
    }
    lost(link);
  }

  private void data(TmcLink link, TmcFrame frame) {
    ChannelMessage message;
    try {
      message = TmcMessageMapper.fromFrame(frame.headers());
    } catch (IllegalArgumentException e) {
      log.warn("TMC: unreadable data message dropped: {}", e.getMessage());
      return;
    }
    long received = System.nanoTime();
    if (outstanding.incrementAndGet() > properties.queueCapacity() + properties.workers()) {
      outstanding.decrementAndGet();
      busy(message);
      return;
    }
    try {
      workers.execute(() -> process(message, received));
    } catch (RejectedExecutionException e) {
      outstanding.decrementAndGet();
      busy(message);
    }
  }

  private void busy(ChannelMessage message) {
    long failedBack = busySinceWarning.incrementAndGet();
    Instant now = clock.instant();
    Instant last = lastBusyWarning.get();
    if (!now.isBefore(last.plus(BUSY_WARNING_EVERY)) && lastBusyWarning.compareAndSet(last, now)) {
      long count = busySinceWarning.getAndSet(0);
      log.warn("TMC: local queue full ({} messages); {} message(s) failed back to TOP since the last warning, the latest {}; "
          + "TOP delivers them again", properties.queueCapacity(), count, message.id());
    } else {
      log.debug("TMC: local queue full; message {} is failed back to TOP ({} since the last warning)", message.id(), failedBack);
    }
    reply(message.id(), TmcFrame.KIND_FAILED, "bridge busy: local queue full");
    try {
      handler.failedBack(message);
    } catch (RuntimeException e) {
      log.warn("TMC: the handler's fail-back notice failed: {}", String.valueOf(e));
    }
  }

  private void process(ChannelMessage message, long received) {
    queued.record(System.nanoTime() - received, TimeUnit.NANOSECONDS);
    CompletionStage<Void> handled;
    try {
      handled = handler.handleAsync(message);
    } catch (RuntimeException | Error e) {
      handled = CompletableFuture.failedFuture(e);
    }
    handled.whenComplete((ignored, e) -> {
      outstanding.decrementAndGet();
      if (e == null) {
        reply(message.id(), TmcFrame.KIND_CONFIRM, null);
        return;
      }
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      log.warn("TMC: message {} ({}) failed and will come again: {}", message.id(), message.topic(), String.valueOf(cause));
      reply(message.id(), TmcFrame.KIND_FAILED, String.valueOf(cause.getMessage() == null ? cause : cause.getMessage()));
    });
  }

  /** Confirms or fails a message on the current connection; without one the message simply comes again. */
  private void reply(String id, int kind, @Nullable String reason) {
    TmcLink link = current;
    if (link == null || link.token() == null || link.isLost()) {
      log.debug("TMC: not connected; message {} is left unconfirmed", id);
      return;
    }
    Map<String, @Nullable Object> headers = new LinkedHashMap<>();
    headers.put(TmcFrame.KIND, (byte) kind);
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
