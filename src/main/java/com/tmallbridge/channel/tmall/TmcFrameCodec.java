package com.tmallbridge.channel.tmall;

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
 * Reads and writes top-link frames, the binary messages of TOP's TMC WebSocket channel. Layout,
 * all little-endian: byte protocol version, byte message type, then header records until an
 * end record: int16 header type (0 end, 1 custom, 2 status code, 3 status phrase, 4 flag, 5
 * token) followed by its value — int32 for status code and flag, a string for status phrase and
 * token, and for a custom header a string key, a value-type byte (0 void, 1 string, 2 byte, 3
 * int16, 4 int32, 5 int64, 6 date as int64 epoch milliseconds, 7 byte array) and the value.
 * Strings are an int32 byte count followed by UTF-8; a count of 0 reads as the empty string.
 * Stateless and thread-safe.
 */
final class TmcFrameCodec {
  static final int HEADER_END = 0;
  static final int HEADER_CUSTOM = 1;
  static final int HEADER_STATUS_CODE = 2;
  static final int HEADER_STATUS_PHRASE = 3;
  static final int HEADER_FLAG = 4;
  static final int HEADER_TOKEN = 5;

  static final int VALUE_VOID = 0;
  static final int VALUE_STRING = 1;
  static final int VALUE_BYTE = 2;
  static final int VALUE_INT16 = 3;
  static final int VALUE_INT32 = 4;
  static final int VALUE_INT64 = 5;
  static final int VALUE_DATE = 6;
  static final int VALUE_BYTES = 7;

  /** Frames larger than this are refused rather than allocated (TMC contents are a few KB). */
  static final int MAX_STRING_BYTES = 16 * 1024 * 1024;

  private TmcFrameCodec() {}

  /**
   * Writes a frame: the fixed headers that are not null (status code, status phrase, flag, token),
   * then the custom headers in order, then the end record.
   *
   * @throws IllegalArgumentException for a custom value of a type the protocol cannot carry
   */
  static byte[] encode(TmcFrame frame) {
    Out out = new Out();
    out.int8(frame.protocolVersion());
    out.int8(frame.messageType());
    if (frame.statusCode() != null) {
      out.int16(HEADER_STATUS_CODE);
      out.int32(frame.statusCode());
    }
    if (frame.statusPhrase() != null) {
      out.int16(HEADER_STATUS_PHRASE);
      out.string(frame.statusPhrase());
    }
    if (frame.flag() != null) {
      out.int16(HEADER_FLAG);
      out.int32(frame.flag());
    }
    if (frame.token() != null) {
      out.int16(HEADER_TOKEN);
      out.string(frame.token());
    }
    frame.headers().forEach((key, value) -> {
      out.int16(HEADER_CUSTOM);
      out.string(key);
      value(out, key, value);
    });
    out.int16(HEADER_END);
    return out.toByteArray();
  }

  /**
   * Reads one frame.
   *
   * @throws IllegalArgumentException when the bytes are truncated or hold an unknown header or
   *     value type
   */
  static TmcFrame decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    try {
      int version = Byte.toUnsignedInt(in.get());
      int type = Byte.toUnsignedInt(in.get());
      Integer statusCode = null;
      Integer flag = null;
      String statusPhrase = null;
      String token = null;
      Map<String, @Nullable Object> headers = new LinkedHashMap<>();
      for (int header = Short.toUnsignedInt(in.getShort()); header != HEADER_END; header = Short.toUnsignedInt(in.getShort())) {
        switch (header) {
          case HEADER_CUSTOM -> {
            String key = string(in);
            headers.put(key, value(in, key));
          }
          case HEADER_STATUS_CODE -> statusCode = in.getInt();
          case HEADER_STATUS_PHRASE -> statusPhrase = string(in);
          case HEADER_FLAG -> flag = in.getInt();
          case HEADER_TOKEN -> token = string(in);
          default -> throw new IllegalArgumentException("unknown top-link header type " + header + " at byte " + (in.position() - 2));
        }
      }
      return new TmcFrame(version, type, statusCode, statusPhrase, flag, token, headers);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("top-link frame of " + bytes.length + " bytes is truncated", e);
    }
  }

  /** A numeric custom value (byte, int16, int32, int64 or numeric text) as a long. */
  static long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' is not a number", e);
      }
    }
    throw new IllegalArgumentException(value.getClass().getSimpleName() + " is not a number");
  }

  private static void value(Out out, String key, @Nullable Object value) {
    if (value == null) {
      out.int8(VALUE_VOID);
    } else if (value instanceof String s) {
      out.int8(VALUE_STRING);
      out.string(s);
    } else if (value instanceof Byte b) {
      out.int8(VALUE_BYTE);
      out.int8(b);
    } else if (value instanceof Short s) {
      out.int8(VALUE_INT16);
      out.int16(s);
    } else if (value instanceof Integer i) {
      out.int8(VALUE_INT32);
      out.int32(i);
    } else if (value instanceof Long l) {
      out.int8(VALUE_INT64);
      out.int64(l);
    } else if (value instanceof Instant t) {
      out.int8(VALUE_DATE);
      out.int64(t.toEpochMilli());
    } else if (value instanceof byte[] b) {
      out.int8(VALUE_BYTES);
      out.int32(b.length);
      out.write(b, 0, b.length);
    } else {
      throw new IllegalArgumentException("header '" + key + "': top-link cannot carry a " + value.getClass().getSimpleName());
    }
  }

  private static @Nullable Object value(ByteBuffer in, String key) {
    int type = Byte.toUnsignedInt(in.get());
    return switch (type) {
      case VALUE_VOID -> null;
      case VALUE_STRING -> string(in);
      case VALUE_BYTE -> in.get();
      case VALUE_INT16 -> in.getShort();
      case VALUE_INT32 -> in.getInt();
      case VALUE_INT64 -> in.getLong();
      case VALUE_DATE -> Instant.ofEpochMilli(in.getLong());
      case VALUE_BYTES -> bytes(in, length(in));
      default -> throw new IllegalArgumentException("header '" + key + "' has unknown value type " + type);
    };
  }

  private static String string(ByteBuffer in) {
    return new String(bytes(in, length(in)), StandardCharsets.UTF_8);
  }

  private static int length(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > MAX_STRING_BYTES || length > in.remaining()) {
      throw new IllegalArgumentException("top-link length " + length + " at byte " + (in.position() - 4)
          + " does not fit the " + in.remaining() + " bytes left");
    }
    return length;
  }

  private static byte[] bytes(ByteBuffer in, int length) {
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }

  /** A little-endian byte sink. */
  private static final class Out extends ByteArrayOutputStream {
    void int8(int v) {
      write(v);
    }

    void int16(int v) {
      write(v);
      write(v >>> 8);
    }

    void int32(int v) {
      int16(v);
      int16(v >>> 16);
    }

    void int64(long v) {
      int32((int) v);
      int32((int) (v >>> 32));
    }

    void string(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      int32(utf8.length);
      write(utf8, 0, utf8.length);
    }
  }
}
