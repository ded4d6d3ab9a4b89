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

/**
 * The tests' own minimal top-link client over the JDK WebSocket client, written apart from the
 * sandbox's codec: it encodes CONNECT and SEND messages and decodes what the server pushes.
 */
final class TopLinkTestClient implements AutoCloseable {
  /** A decoded server message: type, status code and phrase, token and custom headers. */
  record Received(int type, int status, String phrase, String token, Map<String, Object> headers) {}

  private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
  private final WebSocket socket;

  private TopLinkTestClient(String url) throws Exception {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), new Listener())
            .get(5, TimeUnit.SECONDS);
  }

  /** Opens the socket and sends CONNECT signed with the given secret. */
  static TopLinkTestClient connect(
      String url, String appKey, String secret, String group, long timestampMillis)
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
    client.send(0, headers);
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

  void confirm(long id) {
    send(2, Map.of("__kind", (short) 2, "id", id));
  }

  void fail(long id) {
    send(2, Map.of("__kind", (short) 20, "id", id, "msg", "ERP busy"));
  }

  void pull() {
    send(2, Map.of("__kind", (short) 1));
  }

  void send(int type, Map<String, Object> headers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(2);
    out.write(type);
    headers.forEach(
        (name, value) -> {
          out.writeBytes(le(2, 1));
          text(out, name);
          if (value instanceof String s) {
            out.write(1);
            text(out, s);
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
                case 3 -> in.getShort();
                case 4 -> in.getInt();
                case 5 -> in.getLong();
                case 6 -> java.time.Instant.ofEpochMilli(in.getLong());
                default -> throw new AssertionError("unexpected value type " + valueType);
              };
          headers.put(name, value);
        }
        case 2 -> status = in.getInt();
        case 3 -> phrase = string(in);
        case 4 -> in.getInt();
        case 5 -> token = string(in);
        default -> throw new AssertionError("unexpected header " + header);
      }
    }
    return new Received(type, status, phrase, token, headers);
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
  }
}
