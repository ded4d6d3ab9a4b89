package com.tmallbridge.sandbox.tmall;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Gateway calls per API method, whatever their outcome. Thread-safe. */
final class CallCounters {
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

  void increment(String method) {
    calls.computeIfAbsent(method, name -> new LongAdder()).increment();
  }

  /** Counts so far, sorted by method name. */
  Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    calls.forEach((method, count) -> snapshot.put(method, count.sum()));
    return snapshot;
  }
}
