package com.tmallbridge.sandbox.tmall;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One top-link message (TMC's binary WebSocket protocol, spec §3.6), all little-endian: byte
 * protocol version (2), byte message type (0 CONNECT, 1 CONNECTACK, 2 SEND, 3 SENDACK), then header
 * records (int16 type: 0 end, 1 custom key/value, 2 status code int32, 3 status phrase, 4 flag
 * int32, 5 token), strings as int32 length + UTF-8. Custom values carry a type byte: 0 void, 1
 * string, 2 byte, 3 int16, 4 int32, 5 int64, 6 date (int64 epoch ms), 7 byte[].
 *
 * @param content custom headers in order; values are String, Byte, Short, Integer, Long, Instant,
 *     byte[] or null
 */
record TopLinkFrame(
    int messageType,
    int statusCode,
    @Nullable String statusPhrase,
    int flag,
    @Nullable String token,
    Map<String, @Nullable Object> content) {

  static final int PROTOCOL_VERSION = 2;
  static final int CONNECT = 0;
  static final int CONNECTACK = 1;
  static final int SEND = 2;
  static final int SENDACK = 3;

  TopLinkFrame {
    content = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(content));
  }

  /** A SEND from the server on the connection of {@code token}. */
  static TopLinkFrame send(String token, Map<String, @Nullable Object> content) {
    return new TopLinkFrame(SEND, 0, null, 0, token, content);
  }

  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(PROTOCOL_VERSION);
    out.write(messageType);
    if (statusCode > 0) {
      int16(out, 2);
      int32(out, statusCode);
      if (statusPhrase != null) {
        int16(out, 3);
        string(out, statusPhrase);
      }
    }
    if (flag != 0) {
      int16(out, 4);
      int32(out, flag);
    }
    if (token != null) {
      int16(out, 5);
      string(out, token);
    }
    content.forEach(
        (name, value) -> {
          int16(out, 1);
          string(out, name);
          value(out, value);
        });
    int16(out, 0);
    return out.toByteArray();
  }

  /**
   * Reads one message.
   *
   * @throws IllegalArgumentException when the bytes are no well-formed top-link message
   */
  static TopLinkFrame decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    try {
      int version = in.get();
      if (version != PROTOCOL_VERSION) {
        throw new IllegalArgumentException("unsupported top-link protocol version " + version);
      }
      int type = in.get();
      int status = 0;
      String phrase = null;
      int flag = 0;
      String token = null;
      Map<String, @Nullable Object> content = new LinkedHashMap<>();
      for (int header = in.getShort(); header != 0; header = in.getShort()) {
        switch (header) {
          case 1 -> content.put(string(in), value(in));
          case 2 -> status = in.getInt();
          case 3 -> phrase = string(in);
          case 4 -> flag = in.getInt();
          case 5 -> token = string(in);
          default -> throw new IllegalArgumentException("unknown top-link header type " + header);
        }
      }
      return new TopLinkFrame(type, status, phrase, flag, token, content);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated top-link message", e);
    }
  }

  private static void value(ByteArrayOutputStream out, @Nullable Object value) {
    if (value == null) {
      out.write(0);
    } else if (value instanceof String text) {
      out.write(1);
      string(out, text);
    } else if (value instanceof Byte b) {
      out.write(2);
      out.write(b);
    } else if (value instanceof Short s) {
      out.write(3);
      int16(out, s);
    } else if (value instanceof Integer i) {
      out.write(4);
      int32(out, i);
    } else if (value instanceof Long l) {
      out.write(5);
      int64(out, l);
    } else if (value instanceof Instant instant) {
      out.write(6);
      int64(out, instant.toEpochMilli());
    } else if (value instanceof byte[] data) {
      out.write(7);
      int32(out, data.length);
      out.writeBytes(data);
    } else {
      throw new IllegalArgumentException("top-link cannot carry " + value.getClass());
    }
  }

  private static @Nullable Object value(ByteBuffer in) {
    int type = in.get();
    return switch (type) {
      case 0 -> null;
      case 1 -> string(in);
      case 2 -> in.get();
      case 3 -> in.getShort();
      case 4 -> in.getInt();
      case 5 -> in.getLong();
      case 6 -> Instant.ofEpochMilli(in.getLong());
      case 7 -> {
        byte[] data = new byte[in.getInt()];
        in.get(data);
        yield data;
      }
      default -> throw new IllegalArgumentException("unknown top-link value type " + type);
    };
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    if (length <= 0) {
      return "";
    }
    if (length > in.remaining()) {
      throw new IllegalArgumentException("string longer than the message");
    }
    byte[] data = new byte[length];
    in.get(data);
    return new String(data, StandardCharsets.UTF_8);
  }

  private static void string(ByteArrayOutputStream out, String text) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    int32(out, data.length);
    out.writeBytes(data);
  }

  private static void int16(ByteArrayOutputStream out, int value) {
    out.write(value & 0xFF);
    out.write((value >>> 8) & 0xFF);
  }

  private static void int32(ByteArrayOutputStream out, int value) {
    for (int i = 0; i < 4; i++) {
      out.write((value >>> (8 * i)) & 0xFF);
    }
  }

  private static void int64(ByteArrayOutputStream out, long value) {
    for (int i = 0; i < 8; i++) {
      out.write((int) ((value >>> (8 * i)) & 0xFF));
    }
  }
}
