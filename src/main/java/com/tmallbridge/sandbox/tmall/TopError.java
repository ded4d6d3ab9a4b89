package com.tmallbridge.sandbox.tmall;

import org.jspecify.annotations.Nullable;

/**
 * An error the gateway answers with an {@code error_response} envelope (HTTP 200). Codes and
 * messages are TOP's: platform codes below 100, {@code 15} with an {@code isp.*} or {@code isv.*}
 * sub code for service errors, {@code 40}/{@code 41} for business parameters.
 */
final class TopError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String topMsg;
  private final @Nullable String subCode;
  private final @Nullable String subMsg;

  private TopError(int code, String topMsg, @Nullable String subCode, @Nullable String subMsg) {
    super(code + " " + topMsg + (subCode == null ? "" : " " + subCode), null, false, false);
    this.code = code;
    this.topMsg = topMsg;
    this.subCode = subCode;
    this.subMsg = subMsg;
  }

  /** A platform error without sub code, e.g. {@code 25 Invalid Signature}. */
  static TopError platform(int code, String msg, String explanation) {
    return new TopError(code, msg, null, explanation);
  }

  /** Any error, as given. */
  static TopError of(int code, String msg, @Nullable String subCode, @Nullable String subMsg) {
    return new TopError(code, msg, subCode, subMsg);
  }

  /** Code 40: a required business parameter is absent or empty. */
  static TopError missingParameter(String name) {
    return new TopError(
        40,
        "Missing Required Arguments",
        "isv.missing-parameter",
        "missing required parameter: " + name);
  }

  /** Code 41: a business parameter has the wrong format or is out of its documented range. */
  static TopError invalidArgument(String name, String explanation) {
    return new TopError(41, "Invalid Arguments", "isv.invalid-parameter:" + name, explanation);
  }

  /** Code 15 with an {@code isv.invalid-parameter} sub code: the values break a business rule. */
  static TopError ruleViolation(String name, String explanation) {
    return new TopError(15, "Remote service error", "isv.invalid-parameter:" + name, explanation);
  }

  int code() {
    return code;
  }

  String topMsg() {
    return topMsg;
  }

  @Nullable String subCode() {
    return subCode;
  }

  @Nullable String subMsg() {
    return subMsg;
  }
}
