package com.tmallbridge.channel.tmall;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One TOP API call: the method name and its business parameters (sent in the form body). System
 * parameters are added by the transport. Immutable.
 *
 * @param method the API name, e.g. {@code taobao.trade.fullinfo.get}
 * @param params business parameters in insertion order; empty values are allowed but, like the
 *     platform, the signer ignores them
 */
record TopRequest(String method, Map<String, String> params) {

  TopRequest {
    if (method.isBlank()) {
      throw new IllegalArgumentException("TOP method must not be blank");
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A request for {@code method} without parameters; add them with {@link #with}. */
  static TopRequest of(String method) {
    return new TopRequest(method, Map.of());
  }

  /** A copy with one more (or a replaced) business parameter. */
  TopRequest with(String name, Object value) {
    Map<String, String> copy = new LinkedHashMap<>(params);
    copy.put(name, String.valueOf(value));
    return new TopRequest(method, copy);
  }
}
