package com.tmallbridge.sandbox.tmall;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TMC's WebSocket channel at {@code ws://127.0.0.1:<port>/tmc} (also {@code /}): a small RFC 6455
 * server (binary frames, fragmented messages, close) speaking top-link as TOP's own server does,
 * so that Taobao's official TMC client works against it unchanged (spec §3.6):
 *
 * <ul>
 *   <li>The first message must be a CONNECT carrying {@code app_key}, {@code group_name} (default
 *       {@code default}), {@code timestamp} (epoch ms, within 10 minutes of the sandbox clock) and
 *       {@code sign} = TOP md5 sign of those three. The CONNECTACK echoes the CONNECT's {@code flag}
 *       (the official client matches it to its request by that flag) and carries the connection's
 *       token; a bad signature, an unknown app key or an expired timestamp gets a CONNECTACK with
 *       status code 401 and a reason phrase (also echoing the flag), then the socket closes.
 *   <li>Every frame the server sends after the CONNECTACK (pushed messages, SENDACKs) carries the
 *       connection's token: the official client drops frames without it.
 *   <li>WebSocket pings are never answered: the official client decodes every non-close frame as
 *       top-link and breaks on an empty pong, so TOP's server sends none.
 *   <li>Pushed messages are SENDs with {@code __kind}=3 written as a byte; the server takes
 *       {@code __kind}=2 confirms, 20 failures and 1 pull requests, the kind as a byte or a 16-bit
 *       integer (or any integer type). A SEND with a non-zero flag is answered by a SENDACK with the
 *       same flag.
 * </ul>
 */
final class TopLinkServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopLinkServer.class);
  private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final Duration MAX_SKEW = Duration.ofMinutes(10);
  private static final int MAX_MESSAGE = 16 * 1024 * 1024;
  private static final int BATCH = 64;
  private static final int UNAUTHORIZED = 401;
  /** Payload of the close frame after a refusal: status 1000, no reason. */
  private static final byte[] NORMAL_CLOSURE = {0x03, (byte) 0xE8};
  /** {@code __kind} of a pushed message, written as a byte as TOP's server does. */
  private static final byte KIND_DATA = 3;

  private final ServerSocket socket;
  private final TmcHub hub;
  private final SandboxCredentials credentials;
  private final Clock clock;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  TopLinkServer(TmcHub hub, SandboxCredentials credentials, Clock clock) {
    this.hub = hub;
    this.credentials = credentials;
    this.clock = clock;
    try {
      this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the TMC WebSocket port", e);
    }
    daemon("tmall-sandbox-tmc-accept", this::acceptLoop).start();
    daemon("tmall-sandbox-tmc-push", this::pushLoop).start();
  }

  int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() {
    running = false;
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing the TMC server socket failed", e);
    }
    connections.forEach(Connection::close);
    hub.signal();
  }

  private void acceptLoop() {
    while (running) {
      try {
        Socket client = socket.accept();
        client.setTcpNoDelay(true);
        daemon("tmall-sandbox-tmc-conn", () -> serve(client)).start();
      } catch (IOException e) {
        if (running) {
          LOG.warn("TMC accept failed", e);
        }
      }
    }
  }

  /** Pushes ready messages to every connected client of their group. */
  private void pushLoop() {
    while (running) {
      try {
        boolean sent = false;
        for (Connection connection : connections) {
          for (TmcMessage message : hub.take(connection.group, BATCH)) {
            sent = true;
            if (!connection.sendBinary(data(message, connection.token).encode())) {
              break;
            }
          }
        }
        if (!sent) {
          hub.awaitActivity(50);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("TMC push failed", e);
      }
    }
  }

  private TopLinkFrame data(TmcMessage message, String token) {
    Map<String, @Nullable Object> content = new LinkedHashMap<>();
    content.put("__kind", KIND_DATA);
    content.put("id", message.id());
    content.put("topic", message.topic());
    content.put("content", message.content());
    content.put("time", message.pubTime());
    content.put("dataid", message.dataId());
    content.put("publisher", credentials.appKey());
    content.put("nick", message.userNick());
    content.put("userid", message.userId());
    content.put("outtime", clock.instant());
    return TopLinkFrame.send(token, content);
  }

  private void serve(Socket client) {
    Connection connection = null;
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      if (!handshake(in, out)) {
        return;
      }
      connection = new Connection(client, out);
      while (running) {
        byte[] message = connection.readMessage(in);
        if (message == null) {
          return;
        }
        if (!handle(connection, TopLinkFrame.decode(message))) {
          connection.sendFrame(0x8, NORMAL_CLOSURE);
          return;
        }
      }
    } catch (EOFException e) {
      LOG.debug("TMC client went away");
    } catch (IOException | IllegalArgumentException e) {
      LOG.debug("TMC connection ended: {}", e.getMessage());
    } finally {
      if (connection != null) {
        connections.remove(connection);
        connection.close();
      }
    }
  }

  /** Handles one top-link message; false to end the connection. */
  private boolean handle(Connection connection, TopLinkFrame frame) {
    if (connection.token == null) {
      if (frame.messageType() != TopLinkFrame.CONNECT) {
        connection.sendBinary(refusal(frame.flag(), "CONNECT first").encode());
        return false;
      }
      String problem = checkConnect(frame.content());
      if (problem != null) {
        LOG.info("TMC refuses a connection: {}", problem);
        connection.sendBinary(refusal(frame.flag(), problem).encode());
        return false;
      }
      Object group = frame.content().get("group_name");
      connection.group = group == null || group.toString().isEmpty() ? TmcHub.DEFAULT_GROUP : group.toString();
      String token = UUID.randomUUID().toString();
      connection.sendBinary(new TopLinkFrame(TopLinkFrame.CONNECTACK, 0, null, frame.flag(), token, Map.of()).encode());
      connection.token = token;
      connections.add(connection);
      hub.signal();
      return true;
    }
    if (frame.messageType() == TopLinkFrame.SEND) {
      Object kind = frame.content().get("__kind");
      int code = kind instanceof Number n ? n.intValue() : kind == null ? -1 : Integer.parseInt(kind.toString());
      Object id = frame.content().get("id");
      switch (code) {
        case 1 -> hub.signal();
        case 2 -> hub.confirm(connection.group, List.of(number(id)));
        case 20 -> hub.fail(connection.group, number(id));
        default -> LOG.debug("TMC ignores message kind {}", code);
      }
      if (frame.flag() != 0) {
        connection.sendBinary(
            new TopLinkFrame(TopLinkFrame.SENDACK, 0, null, frame.flag(), connection.token, Map.of()).encode());
      }
    }
    return true;
  }

  private @Nullable String checkConnect(Map<String, @Nullable Object> content) {
    Object appKey = content.get("app_key");
    Object timestamp = content.get("timestamp");
    Object sign = content.get("sign");
    if (appKey == null || timestamp == null || sign == null) {
      return "app_key, timestamp and sign are required";
    }
    if (!credentials.appKey().equals(appKey.toString())) {
      return "invalid app_key " + appKey;
    }
    long millis;
    try {
      millis = Long.parseLong(timestamp.toString());
    } catch (NumberFormatException e) {
      return "timestamp must be epoch milliseconds";
    }
    if (Math.abs(millis - clock.millis()) > MAX_SKEW.toMillis()) {
      return "timestamp is more than 10 minutes off";
    }
    Map<String, String> signed = new HashMap<>();
    signed.put("app_key", appKey.toString());
    Object group = content.get("group_name");
    signed.put("group_name", group == null ? "" : group.toString());
    signed.put("timestamp", timestamp.toString());
    if (!SignatureVerifier.verify(signed, credentials.appSecret(), "md5", sign.toString())) {
      return "invalid sign";
    }
    return null;
  }

  /** The CONNECTACK of a refused CONNECT: status 401 and the reason, echoing the request's flag. */
  private static TopLinkFrame refusal(int flag, String reason) {
    return new TopLinkFrame(TopLinkFrame.CONNECTACK, UNAUTHORIZED, reason, flag, null, Map.of());
  }

  private static long number(@Nullable Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value == null) {
      throw new IllegalArgumentException("message id missing");
    }
    return Long.parseLong(value.toString());
  }

  private static boolean handshake(InputStream in, OutputStream out) throws IOException {
    String requestLine = line(in);
    Map<String, String> headers = new HashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    String[] parts = requestLine.split(" ");
    String path = parts.length > 1 ? parts[1].split("\\?")[0] : "";
    String key = headers.get("sec-websocket-key");
    if (!path.equals("/") && !path.equals("/tmc")) {
      out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return false;
    }
    if (key == null || !"websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""))) {
      out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return false;
    }
    String accept;
    try {
      accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest((key + WS_GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-1", e);
    }
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return true;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
      if (line.size() > 8192) {
        throw new IOException("header line too long");
      }
    }
    if (b == -1 && line.size() == 0) {
      throw new EOFException();
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  /** One client: its socket, its group once connected, and serialised writes. */
  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    volatile @Nullable String group;
    /** The connection's token, set once its CONNECTACK went out; null before. */
    volatile @Nullable String token;

    Connection(Socket socket, OutputStream out) {
      this.socket = socket;
      this.out = out;
    }

    /**
     * The next complete data message; null after a close (answered). Pings get no pong: TOP's
     * server sends none, and the official client would fail to decode one.
     */
    byte @Nullable [] readMessage(InputStream in) throws IOException {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      while (true) {
        int b0 = read(in);
        int b1 = read(in);
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        long length = b1 & 0x7F;
        if (length == 126) {
          length = (read(in) << 8) | read(in);
        } else if (length == 127) {
          length = 0;
          for (int i = 0; i < 8; i++) {
            length = (length << 8) | read(in);
          }
        }
        if (length > MAX_MESSAGE || message.size() + length > MAX_MESSAGE) {
          throw new IOException("WebSocket message too large");
        }
        byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
          throw new EOFException();
        }
        if (mask != null) {
          for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
          }
        }
        switch (opcode) {
          case 0x8 -> {
            sendFrame(0x8, payload);
            return null;
          }
          case 0x9, 0xA -> {}
          default -> {
            message.writeBytes(payload);
            if (fin) {
              return message.toByteArray();
            }
          }
        }
      }
    }

    boolean sendBinary(byte[] payload) {
      return sendFrame(0x2, payload);
    }

    synchronized boolean sendFrame(int opcode, byte[] payload) {
      try {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
          out.write(payload.length);
        } else if (payload.length < 65_536) {
          out.write(126);
          out.write(payload.length >>> 8);
          out.write(payload.length & 0xFF);
        } else {
          out.write(127);
          for (int i = 7; i >= 0; i--) {
            out.write((int) (((long) payload.length >>> (8 * i)) & 0xFF));
          }
        }
        out.write(payload);
        out.flush();
        return true;
      } catch (IOException e) {
        close();
        return false;
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing a TMC connection failed", e);
      }
    }

    private static int read(InputStream in) throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      return b;
    }
  }
}
