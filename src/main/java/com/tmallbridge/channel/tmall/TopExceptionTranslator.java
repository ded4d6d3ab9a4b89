package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.tmall.TopFailureClassifier.Verdict;
import com.tmallbridge.core.ErrorCode;
import com.tmallbridge.core.ShopId;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Turns the final failure of a TOP call (after retries) into the channel SPI's {@link
 * ChannelException}, with a {@link TmallErrorCode} and a message that names the shop, the method
 * and TOP's codes but never credentials. Thread-safe.
 */
final class TopExceptionTranslator {
  private final Clock clock;

  TopExceptionTranslator(Clock clock) {
    this.clock = clock;
  }

  /** The channel exception for {@code failure}; unexpected exceptions (bugs) are returned unchanged. */
  RuntimeException translate(ShopId shop, String method, RuntimeException failure) {
    String prefix = "shop " + shop + ": " + method + " failed: ";
    if (failure instanceof ChannelException) {
      return failure;
    }
    if (failure instanceof TopApiException api) {
      return translate(prefix, api);
    }
    if (failure instanceof TopTransportException) {
      return channel(TmallErrorCode.TRANSPORT_FAILED, Kind.RETRYABLE, prefix + failure.getMessage(), null, failure);
    }
    if (failure instanceof RequestNotPermitted) {
      return channel(
          TmallErrorCode.LOCAL_RATE_LIMIT, Kind.RETRYABLE, prefix + "per-shop rate limit reached", null, failure);
    }
    if (failure instanceof IllegalArgumentException) {
      return channel(TmallErrorCode.INVALID_CREDENTIALS, Kind.PERMANENT, prefix + failure.getMessage(), null, failure);
    }
    return failure;
  }

  /** The exception for a call refused because the shop awaits re-authorisation. */
  ChannelException reauthorisationPending(ShopId shop, String method) {
    return channel(
        TmallErrorCode.REAUTHORISATION_PENDING,
        Kind.NEEDS_REAUTHORISATION,
        "shop " + shop + ": " + method + " not sent: the shop's TOP session was reported invalid;"
            + " the seller must authorise the app again",
        null,
        null);
  }

  /** The exception for a record TOP returned that the mappers cannot read. */
  static ChannelException unreadable(ShopId shop, IllegalArgumentException e) {
    return channel(TmallErrorCode.UNREADABLE_RECORD, Kind.PERMANENT, "shop " + shop + ": " + e.getMessage(), null, e);
  }

  private ChannelException translate(String prefix, TopApiException api) {
    Verdict verdict = TopFailureClassifier.classify(api.error());
    String message = prefix + api.error().describe();
    return switch (verdict.action()) {
      case REAUTHORISE -> channel(TmallErrorCode.SESSION_INVALID, Kind.NEEDS_REAUTHORISATION, message, null, api);
      case FLOW_CONTROL ->
          verdict.ban() == null
              ? channel(TmallErrorCode.FLOW_CONTROLLED, Kind.RETRYABLE, message, null, api)
              : channel(TmallErrorCode.FLOW_CONTROLLED, Kind.BANNED, message, clock.instant().plus(verdict.ban()), api);
      case RETRY, INTERRUPTED -> channel(TmallErrorCode.SERVER_ERROR, Kind.RETRYABLE, message, null, api);
      case PERMANENT -> channel(TmallErrorCode.REJECTED, Kind.PERMANENT, message, null, api);
    };
  }

  private static ChannelException channel(
      ErrorCode code, Kind kind, String message, @Nullable Instant retryAfter, @Nullable Throwable cause) {
    return new ChannelException(code, kind, code.code() + " " + message, retryAfter, cause);
  }
}
