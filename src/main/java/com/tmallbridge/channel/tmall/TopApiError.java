package com.tmallbridge.channel.tmall;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The content of TOP's {@code error_response} envelope.
 *
 * @param code platform error code, e.g. {@code 7} (App Call Limited) or {@code 15} (Remote Service
 *     Error); {@code 0} when the envelope carried none
 * @param msg platform message, e.g. {@code App Call Limited}
 * @param subCode detailed code, e.g. {@code isp.top-remote-connection-timeout} or
 *     {@code isv.invalid-parameter:tid}; may be null
 * @param subMsg detailed message, e.g. {@code This ban will last for 2 more seconds}; may be null
 */
record TopApiError(int code, String msg, @Nullable String subCode, @Nullable String subMsg) {

  /** Whether the sub code starts with {@code prefix} (case-insensitive). */
  boolean subCodeStartsWith(String prefix) {
    return subCode != null && subCode.toLowerCase(Locale.ROOT).startsWith(prefix);
  }

  /** Whether the caller asked for something the platform says does not exist (e.g. {@code isv.trade-not-exist}). */
  boolean isNotFound() {
    if (!subCodeStartsWith("isv.")) {
      return false;
    }
    String s = subCode.toLowerCase(Locale.ROOT).replace('_', '-');
    return s.contains("not-exist") || s.contains("notexist") || s.contains("not-found");
  }

  /** One line for logs and operator messages: {@code code=7 msg=… sub_code=… sub_msg=…}. */
  String describe() {
    return "code=" + code + " msg=" + msg + (subCode == null ? "" : " sub_code=" + subCode)
        + (subMsg == null ? "" : " sub_msg=" + subMsg);
  }
}
