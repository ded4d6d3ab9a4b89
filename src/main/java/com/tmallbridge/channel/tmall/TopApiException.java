package com.tmallbridge.channel.tmall;

/** The gateway answered with an {@code error_response}; {@link #error()} holds it. */
final class TopApiException extends RuntimeException {
  private final transient TopApiError error;

  TopApiException(String method, TopApiError error) {
    super(method + " failed: " + error.describe(), null, false, false);
    this.error = error;
  }

  TopApiError error() {
    return error;
  }
}
