package com.tmallbridge.channel;

import com.tmallbridge.core.BridgeException;
import com.tmallbridge.core.ErrorCode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A channel call failed after the client's own retry policy gave up. {@link #kind()} tells the
 * caller what to do next.
 */
public class ChannelException extends BridgeException {
  /** What the caller should do about the failure. */
  public enum Kind {
    /** Transient (server error, I/O, short ban): try again later. */
    RETRYABLE,
    /** The call itself is wrong (bad parameter, missing permission): do not repeat it unchanged. */
    PERMANENT,
    /** Flow control ban lasting until {@link #retryAfter()}: stop calling this shop until then. */
    BANNED,
    /** The session is missing, invalid or expired: the seller must authorise again. */
    NEEDS_REAUTHORISATION
  }

  private final Kind kind;
  private final @Nullable Instant retryAfter;

  public ChannelException(ErrorCode code, Kind kind, String message, @Nullable Instant retryAfter, @Nullable Throwable cause) {
    super(code, kind == Kind.RETRYABLE || kind == Kind.BANNED, message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#BANNED}: when calls may resume; otherwise null. */
  public @Nullable Instant retryAfter() {
    return retryAfter;
  }
}
