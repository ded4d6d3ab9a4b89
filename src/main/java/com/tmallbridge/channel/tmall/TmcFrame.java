package com.tmallbridge.channel.tmall;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One top-link frame of the TMC WebSocket channel (the binary protocol of TOP's message service):
 * protocol version, message type, the optional fixed headers and the custom key/value headers in
 * order. Custom values are null (void), {@link String}, {@link Byte}, {@link Short}, {@link
 * Integer}, {@link Long}, {@link java.time.Instant} (date) or {@code byte[]}. Immutable apart from
 * the arrays it may hold.
 *
 * @param protocolVersion 2 for every frame TOP sends today
 * @param messageType {@link #CONNECT}, {@link #CONNECT_ACK}, {@link #SEND} or {@link #SEND_ACK}
 * @param statusCode header 2, null when absent
 * @param statusPhrase header 3, null when absent
 * @param flag header 4, null when absent
 * @param token header 5 (the connection token of CONNECTACK, echoed on every SEND), null when absent
 * @param headers custom headers (header 1) in wire order
 */
record TmcFrame(
    int protocolVersion,
    int messageType,
    @Nullable Integer statusCode,
    @Nullable String statusPhrase,
    @Nullable Integer flag,
    @Nullable String token,
    Map<String, @Nullable Object> headers) {

  static final int PROTOCOL_VERSION = 2;
  static final int CONNECT = 0;
  static final int CONNECT_ACK = 1;
  static final int SEND = 2;
  static final int SEND_ACK = 3;

  /** {@code __kind} of a SEND: the client asks the server to push pending messages. */
  static final int KIND_PULL_REQUEST = 1;
  /** {@code __kind} of a SEND: the client confirms message {@code id}. */
  static final int KIND_CONFIRM = 2;
  /** {@code __kind} of a SEND: the server delivers a message. */
  static final int KIND_DATA = 3;
  /** {@code __kind} of a SEND: the client could not process message {@code id} ({@code msg} says why). */
  static final int KIND_FAILED = 20;

  static final String KIND = "__kind";

  TmcFrame {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A frame of {@code messageType} with the given custom headers and optional token. */
  static TmcFrame of(int messageType, @Nullable String token, Map<String, @Nullable Object> headers) {
    return new TmcFrame(PROTOCOL_VERSION, messageType, null, null, null, token, headers);
  }

  /** The {@code __kind} of a SEND frame, or -1 when absent or not a number. */
  int kind() {
    Object kind = headers.get(KIND);
    try {
      return kind == null ? -1 : (int) TmcFrameCodec.number(kind);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
