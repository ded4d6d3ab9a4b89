package com.tmallbridge.channel.tmall;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TMC WebSocket connection of {@link TmcWebSocketClient}: the JDK listener that reassembles
 * binary messages into top-link frames, the flag of its CONNECT, the connection token once
 * CONNECTACK came, and an ordered send chain (the JDK WebSocket refuses a send while the previous
 * one is pending). Pings and pongs from the server are ignored: TOP's server sends none, and the
 * link's liveness is decided by closes, errors and failed sends. Reports what happens to {@link
 * Events}. Thread-safe.
 */
final class TmcLink implements WebSocket.Listener {
  private static final Logger log = LoggerFactory.getLogger(TmcLink.class);

  /** What the owner of a link is told. */
  interface Events {
    /** The socket is open: time to send CONNECT. */
    void opened(TmcLink link);

    /** A whole frame arrived. */
    void received(TmcLink link, TmcFrame frame);

    /** The connection failed or was closed; may be called more than once. */
    void lost(TmcLink link);
  }

  private final Events events;
  private final int connectFlag;
  private final AtomicBoolean lost = new AtomicBoolean();
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private volatile @Nullable WebSocket ws;
  private volatile @Nullable String token;
  private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

  /** @param connectFlag the {@code flag} its CONNECT carries, which the CONNECTACK echoes */
  TmcLink(Events events, int connectFlag) {
    this.events = events;
    this.connectFlag = connectFlag;
  }

  int connectFlag() {
    return connectFlag;
  }

  /** The connection token, null until CONNECTACK accepted the connection. */
  @Nullable String token() {
    return token;
  }

  void acknowledged(@Nullable String token) {
    this.token = token;
  }

  boolean isOpen() {
    return ws != null;
  }

  boolean isLost() {
    return lost.get();
  }

  /** Marks the link lost; true only for the first call. */
  boolean markLost() {
    return lost.compareAndSet(false, true);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    ws = webSocket;
    events.opened(this);
    webSocket.request(1);
  }

  @Override
  public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] chunk = new byte[data.remaining()];
    data.get(chunk);
    partial.write(chunk, 0, chunk.length);
    if (last) {
      byte[] bytes = partial.toByteArray();
      partial.reset();
      try {
        events.received(this, TmcFrameCodec.decode(bytes));
      } catch (IllegalArgumentException e) {
        log.warn("TMC: unreadable frame of {} bytes ignored: {}", bytes.length, e.getMessage());
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    return heard(webSocket);
  }

  @Override
  public @Nullable CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    return heard(webSocket);
  }

  @Override
  public @Nullable CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    return heard(webSocket);
  }

  @Override
  public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    log.info("TMC: server closed the connection ({} {})", statusCode, reason);
    events.lost(this);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    log.warn("TMC: connection failed: {}", String.valueOf(error));
    events.lost(this);
  }

  /** Sends a frame after those sent before it; dropped when the link is not open or lost. */
  void send(TmcFrame frame) {
    byte[] bytes = TmcFrameCodec.encode(frame);
    enqueue(socket -> socket.sendBinary(ByteBuffer.wrap(bytes), true));
  }

  void ping() {
    enqueue(socket -> socket.sendPing(ByteBuffer.allocate(0)));
  }

  /** Sends a close frame and then aborts; without an open socket, does nothing. */
  void close() {
    WebSocket socket = ws;
    if (socket == null) {
      return;
    }
    try {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS).whenComplete((r, e) -> socket.abort());
        return;
      }
    } catch (IllegalStateException e) {
      log.debug("TMC: close frame not sent: {}", e.getMessage());
    }
    socket.abort();
  }

  private @Nullable CompletionStage<?> heard(WebSocket webSocket) {
    webSocket.request(1);
    return null;
  }

  private synchronized void enqueue(Function<WebSocket, CompletableFuture<WebSocket>> operation) {
    WebSocket socket = ws;
    if (socket == null || lost.get()) {
      return;
    }
    sends = sends.handle((r, e) -> null).thenCompose(x -> operation.apply(socket)).whenComplete((r, e) -> {
      if (e != null) {
        log.debug("TMC: send failed: {}", String.valueOf(e));
        events.lost(this);
      }
    });
  }
}
