package com.tmallbridge.channel.tmall;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the TMC message consumer, bound from {@code bridge.channel.tmall.tmc.*} and checked
 * when bound (an invalid value stops the application with a message naming the key).
 *
 * @param enabled whether the bridge consumes TMC messages at all (default false: the application
 *     must first subscribe topics in the TOP console)
 * @param mode {@code websocket} (top-link push, default) or {@code http}
 *     (taobao.tmc.messages.consume / confirm polling)
 * @param url the TMC WebSocket endpoint (default {@code ws://mc.api.taobao.com/}; TOP's sandbox is
 *     {@code ws://mc.api.tbsandbox.com/})
 * @param groupName the message group (default {@code default}; over HTTP the default group is
 *     asked for by leaving the parameter out, as TOP requires for apps without groups)
 * @param fetchPeriod how often the WebSocket client asks the server for pending messages (default 15 s)
 * @param heartbeatInterval how often the WebSocket client pings; a connection silent for three
 *     intervals is dropped and re-opened (default 45 s)
 * @param connectTimeout time allowed to open the WebSocket and get CONNECTACK (default 15 s)
 * @param reconnectDelay first wait before re-opening a dropped connection or retrying a failed
 *     HTTP poll; doubles per consecutive failure (default 1 s)
 * @param reconnectMaxDelay cap of that wait (default 60 s)
 * @param queueCapacity messages the WebSocket client holds locally, beyond one per worker, before it
 *     answers Failed to new ones, which TOP then delivers again later; messages whose handler has
 *     not completed yet count (default 10000: 20 s of a 500 payments/s peak, a few MB; a message
 *     failed back comes again only after TOP's redelivery delay, tens of seconds)
 * @param workers threads that run the message handler (default 4)
 * @param batchSize messages asked for per taobao.tmc.messages.consume call, 10-200 (default 100)
 * @param idleDelayMin wait after an HTTP poll that returned nothing; doubles while polls stay empty
 *     (default 100 ms, as TOP's docs advise)
 * @param idleDelayMax cap of that wait (default 1 s)
 * @param shutdownGrace how long closing a stream waits for handlers in progress (default 10 s)
 */
@ConfigurationProperties("bridge.channel.tmall.tmc")
record TmcProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("websocket") Mode mode,
    @DefaultValue("ws://mc.api.taobao.com/") URI url,
    @DefaultValue("default") String groupName,
    @DefaultValue("15s") Duration fetchPeriod,
    @DefaultValue("45s") Duration heartbeatInterval,
    @DefaultValue("15s") Duration connectTimeout,
    @DefaultValue("1s") Duration reconnectDelay,
    @DefaultValue("60s") Duration reconnectMaxDelay,
    @DefaultValue("10000") int queueCapacity,
    @DefaultValue("4") int workers,
    @DefaultValue("100") int batchSize,
    @DefaultValue("100ms") Duration idleDelayMin,
    @DefaultValue("1s") Duration idleDelayMax,
    @DefaultValue("10s") Duration shutdownGrace) {

  /** How messages reach the bridge. */
  enum Mode {
    /** TOP's top-link WebSocket channel: pushed as they happen. */
    WEBSOCKET,
    /** taobao.tmc.messages.consume / confirm: polled. */
    HTTP
  }

  /** TOP's limits of taobao.tmc.messages.consume {@code quantity}. */
  static final int MIN_BATCH = 10;
  static final int MAX_BATCH = 200;

  TmcProperties {
    if (mode == null) {
      throw invalid("mode", "must be websocket or http");
    }
    if (url == null || url.getScheme() == null || !(url.getScheme().equals("ws") || url.getScheme().equals("wss"))) {
      throw invalid("url", "must be a ws:// or wss:// URL, got " + url);
    }
    groupName = groupName == null ? "" : groupName.strip();
    if (groupName.isEmpty()) {
      throw invalid("groupName", "must not be blank");
    }
    for (var d : new Object[][] {
        {"fetchPeriod", fetchPeriod}, {"heartbeatInterval", heartbeatInterval}, {"connectTimeout", connectTimeout},
        {"reconnectDelay", reconnectDelay}, {"reconnectMaxDelay", reconnectMaxDelay}, {"idleDelayMin", idleDelayMin},
        {"idleDelayMax", idleDelayMax}, {"shutdownGrace", shutdownGrace}}) {
      Duration value = (Duration) d[1];
      if (value == null || value.isNegative() || value.isZero()) {
        throw invalid((String) d[0], "must be a positive duration, got " + value);
      }
    }
    if (reconnectMaxDelay.compareTo(reconnectDelay) < 0) {
      throw invalid("reconnectMaxDelay", reconnectMaxDelay + " is shorter than reconnectDelay " + reconnectDelay);
    }
    if (idleDelayMax.compareTo(idleDelayMin) < 0) {
      throw invalid("idleDelayMax", idleDelayMax + " is shorter than idleDelayMin " + idleDelayMin);
    }
    range("queueCapacity", queueCapacity, 1, 1_000_000);
    range("workers", workers, 1, 256);
    range("batchSize", batchSize, MIN_BATCH, MAX_BATCH);
  }

  /** The defaults, for tests and for code that runs without Spring. */
  static TmcProperties defaults() {
    return new TmcProperties(
        false, Mode.WEBSOCKET, URI.create("ws://mc.api.taobao.com/"), "default", Duration.ofSeconds(15),
        Duration.ofSeconds(45), Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(60), 10000, 4, 100,
        Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10));
  }

  /** Whether the group is TOP's default group. */
  boolean defaultGroup() {
    return "default".equals(groupName);
  }

  private static void range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(key, "must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static IllegalArgumentException invalid(String key, String problem) {
    return new IllegalArgumentException("bridge.channel.tmall.tmc." + key + " " + problem);
  }
}
