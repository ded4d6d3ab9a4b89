package com.tmallbridge.channel.tmall;

import org.jspecify.annotations.Nullable;

/**
 * The call did not produce a usable TOP answer: connection or read failure, timeout, a non-200 HTTP
 * status without an error envelope, or a body that is not a TOP JSON envelope (an HTML error page,
 * truncated JSON). Always worth retrying.
 */
final class TopTransportException extends RuntimeException {

  TopTransportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
