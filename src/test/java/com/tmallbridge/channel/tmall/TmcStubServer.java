package com.tmallbridge.channel.tmall;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A minimal RFC 6455 WebSocket server standing in for TOP's TMC channel in tests: accepts
 * connections on loopback, does the opening handshake, unmasks client frames (reassembling
 * fragments), answers closes but never pings (as TOP's server), counts the pings, decodes every
 * binary message as a top-link frame and records it with its raw bytes, and answers CONNECT with a
 * scripted CONNECTACK (echoing the CONNECT's flag when the script sets none). Tests push frames to
 * the newest connection, or raw bytes, and can drop every connection. Not a TMC simulator: it
 * checks nothing itself.
 */
final class TmcStubServer implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** A frame the server received, with the number of the connection it came on (1, 2, …) and its bytes. */
  record Received(int connection, TmcFrame frame, byte[] raw) {}

  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger pings = new AtomicInteger();
  private volatile @Nullable Function<Integer, byte[]> rawConnectAck;
  private volatile Function<Integer, TmcFrame> connectAck =
      n -> new TmcFrame(2, TmcFrame.CONNECT_ACK, null, null, null, "token-" + n, Map.of());

  private TmcStubServer(ServerSocket server) {
    this.server = server;
  }

  static TmcStubServer start() throws IOException {
    TmcStubServer stub = new TmcStubServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread acceptor = new Thread(stub::acceptLoop, "tmc-stub-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return stub;
  }

  URI url() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
  }

  /** How CONNECT is answered, given the connection's number. */
  void answerConnect(Function<Integer, TmcFrame> ack) {
    this.connectAck = ack;
  }

  /** Answers CONNECT with these bytes, given the CONNECT's flag (overrides {@link #answerConnect}). */
  void answerConnectRaw(Function<Integer, byte[]> ack) {
    this.rawConnectAck = ack;
  }

  /** WebSocket pings received; none is answered. */
  int pings() {
    return pings.get();
  }

  int connections() {
    return connections.get();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Frames received with {@code __kind} = {@code kind}. */
  List<TmcFrame> sent(int kind) {
    return received.stream().map(Received::frame).filter(f -> f.messageType() == TmcFrame.SEND && f.kind() == kind).toList();
  }

  /** Sends raw bytes as one binary WebSocket message on the newest connection. */
  void pushRaw(byte[] payload) throws IOException {
    send(sockets.get(sockets.size() - 1), payload);
  }

  /** Pushes a Data message with the connection's token on the newest connection. */
  void push(long id, String topic, String content) throws IOException {
    Map<String, @Nullable Object> headers = new java.util.LinkedHashMap<>();
    headers.put("__kind", (byte) TmcFrame.KIND_DATA);
    headers.put("id", id);
    headers.put("topic", topic);
    headers.put("content", content);
    headers.put("time", java.time.Instant.parse("2024-11-11T00:00:01Z"));
    headers.put("nick", "shop-nick");
    headers.put("userid", 77L);
    pushRaw(TmcFrameCodec.encode(TmcFrame.of(TmcFrame.SEND, "token-" + connections.get(), headers)));
  }

  /** Closes every connection without a close handshake, as a crashed server or broken network would. */
  void dropConnections() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropConnections();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        int number = connections.incrementAndGet();
        Thread reader = new Thread(() -> serve(socket, number), "tmc-stub-conn-" + number);
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, int number) {
    try (socket) {
      handshake(socket);
      sockets.add(socket);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      while (true) {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        int opcode = b0 & 0x0f;
        long length = b1 & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] mask = new byte[4];
        if ((b1 & 0x80) != 0) {
          in.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        switch (opcode) {
          case 0x0, 0x2 -> {
            message.write(payload);
            if ((b0 & 0x80) != 0) {
              onMessage(socket, number, message.toByteArray());
              message.reset();
            }
          }
          case 0x8 -> {
            writeFrame(socket, 0x8, payload);
            return;
          }
          case 0x9 -> pings.incrementAndGet();
          default -> { }
        }
      }
    } catch (EOFException | java.net.SocketException e) {
      // connection closed by either side
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      sockets.remove(socket);
    }
  }

  private void onMessage(Socket socket, int number, byte[] bytes) throws IOException {
    TmcFrame frame = TmcFrameCodec.decode(bytes);
    received.add(new Received(number, frame, bytes));
    Function<Integer, byte[]> raw = rawConnectAck;
    if (frame.messageType() == TmcFrame.CONNECT && raw != null) {
      send(socket, raw.apply(frame.flag() == null ? 0 : frame.flag()));
    } else if (frame.messageType() == TmcFrame.CONNECT) {
      TmcFrame ack = connectAck.apply(number);
      if (ack.flag() == null) {
        ack = new TmcFrame(ack.protocolVersion(), ack.messageType(), ack.statusCode(), ack.statusPhrase(), frame.flag(),
            ack.token(), ack.headers());
      }
      send(socket, TmcFrameCodec.encode(ack));
    }
  }

  private static void handshake(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("handshake cut short");
      }
      head.append((char) c);
    }
    String key = head.toString().lines()
        .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElseThrow();
    String accept;
    try {
      accept = Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    OutputStream out = socket.getOutputStream();
    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void send(Socket socket, byte[] payload) throws IOException {
    writeFrame(socket, 0x2, payload);
  }

  private static void writeFrame(Socket socket, int opcode, byte[] payload) throws IOException {
    synchronized (socket) {
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      frame.write(0x80 | opcode);
      if (payload.length < 126) {
        frame.write(payload.length);
      } else if (payload.length < 65_536) {
        frame.write(126);
        frame.write(payload.length >>> 8);
        frame.write(payload.length);
      } else {
        frame.write(127);
        for (int i = 7; i >= 0; i--) {
          frame.write((int) ((long) payload.length >>> (8 * i)));
        }
      }
      frame.write(payload);
      out.write(frame.toByteArray());
      out.flush();
    }
  }
}
