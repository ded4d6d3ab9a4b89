package com.tmallbridge.sandbox.tmall;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' own minimal top-link client over the JDK WebSocket client, written apart from the
 * sandbox's codec: it encodes CONNECT and SEND messages and decodes what the server pushes.
 */
final class TopLinkTestClient implements AutoCloseable {
  /** A decoded server message: type, status code and phrase, flag, token, custom headers and the raw bytes. */
  record Received(int type, int status, String phrase, int flag, String token, Map<String, Object> headers, byte[] raw) {}

  private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
  private final AtomicInteger pongs = new AtomicInteger();
  private final AtomicBoolean closedByServer = new AtomicBoolean();
  private final WebSocket socket;

  private TopLinkTestClient(String url) throws Exception {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), new Listener())
            .get(5, TimeUnit.SECONDS);
  }

  /** Opens the socket and sends CONNECT signed with the given secret, with no flag. */
  static TopLinkTestClient connect(
      String url, String appKey, String secret, String group, long timestampMillis)
      throws Exception {
    return connect(url, appKey, secret, group, timestampMillis, 0);
  }

  /** Opens the socket and sends CONNECT signed with the given secret and carrying {@code flag} (0: none). */
  static TopLinkTestClient connect(
      String url, String appKey, String secret, String group, long timestampMillis, int flag)
      throws Exception {
    TopLinkTestClient client = new TopLinkTestClient(url);
    String text = "app_key" + appKey + "group_name" + group + "timestamp" + timestampMillis;
    String sign =
        HexFormat.of()
            .withUpperCase()
            .formatHex(
                MessageDigest.getInstance("MD5")
                    .digest((secret + text + secret).getBytes(StandardCharsets.UTF_8)));
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("app_key", appKey);
    headers.put("group_name", group);
    headers.put("timestamp", Long.toString(timestampMillis));
    headers.put("sign", sign);
    headers.put("sdk", "tmallbridge-test");
    client.send(0, flag, headers);
    return client;
  }

  Received next() throws InterruptedException {
    Received received = inbox.poll(10, TimeUnit.SECONDS);
    if (received == null) {
      throw new AssertionError("no top-link message within 10 s");
    }
    return received;
  }

  Received poll(long millis) throws InterruptedException {
    return inbox.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** Pongs received: a TOP server sends none. */
  int pongs() {
    return pongs.get();
  }

  /** Whether the server closed the socket. */
  boolean closedByServer() {
    return closedByServer.get();
  }

  void ping() {
    socket.sendPing(ByteBuffer.allocate(0)).join();
  }

  /** Confirm with {@code __kind} as a byte, as Taobao's client writes it. */
  void confirm(long id) {
    send(2, Map.of("__kind", (byte) 2, "id", id));
  }

  /** Fail with {@code __kind} as a 16-bit integer, as older clients write it. */
  void fail(long id) {
    send(2, Map.of("__kind", (short) 20, "id", id, "msg", "ERP busy"));
  }

  void pull() {
    send(2, Map.of("__kind", (byte) 1));
  }

  void send(int type, Map<String, Object> headers) {
    send(type, 0, headers);
  }

  /** Sends a message of {@code type}; a non-zero {@code flag} is written as header 4. */
  void send(int type, int flag, Map<String, Object> headers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(2);
    out.write(type);
    if (flag != 0) {
      out.writeBytes(le(2, 4));
      out.writeBytes(le(4, flag));
    }
    headers.forEach(
        (name, value) -> {
          out.writeBytes(le(2, 1));
          text(out, name);
          if (value instanceof String s) {
            out.write(1);
            text(out, s);
          } else if (value instanceof Byte b) {
            out.write(2);
            out.write(b);
          } else if (value instanceof Short s) {
            out.write(3);
            out.writeBytes(le(2, s));
          } else if (value instanceof Long l) {
            out.write(5);
            out.writeBytes(le(8, l));
          } else {
            throw new IllegalArgumentException(value.toString());
          }
        });
    out.writeBytes(le(2, 0));
    socket.sendBinary(ByteBuffer.wrap(out.toByteArray()), true).join();
  }

  @Override
  public void close() {
    socket.abort();
  }

  private static void text(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(le(4, bytes.length));
    out.writeBytes(bytes);
  }

  private static byte[] le(int size, long value) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }

  static Received decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (in.get() != 2) {
      throw new AssertionError("protocol version must be 2");
    }
    int type = in.get();
    int status = 0;
    String phrase = "";
    int flag = 0;
    String token = "";
    Map<String, Object> headers = new LinkedHashMap<>();
    for (short header = in.getShort(); header != 0; header = in.getShort()) {
      switch (header) {
        case 1 -> {
          String name = string(in);
          int valueType = in.get();
          Object value =
              switch (valueType) {
                case 1 -> string(in);
                case 2 -> in.get();
                case 3 -> in.getShort();
                case 4 -> flag = in.getInt();
                case 5 -> in.getLong();
                case 6 -> java.time.Instant.ofEpochMilli(in.getLong());
                default -> throw new AssertionError("unexpected value type " + valueType);
              };
          headers.put(name, value);
        }
        case 2 -> status = in.getInt();
        case 3 -> phrase = string(in);
        case 4 -> flag = in.getInt();
        case 5 -> token = string(in);
        default -> throw new AssertionError("unexpected header " + header);
      }
    }
    return new Received(type, status, phrase, flag, token, headers, bytes);
  }

  private static String string(ByteBuffer in) {
    byte[] bytes = new byte[in.getInt()];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private final class Listener implements WebSocket.Listener {
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      partial.writeBytes(bytes);
      if (last) {
        inbox.add(decode(partial.toByteArray()));
        partial.reset();
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      pongs.incrementAndGet();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closedByServer.set(true);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closedByServer.set(true);
    }
  }
}
