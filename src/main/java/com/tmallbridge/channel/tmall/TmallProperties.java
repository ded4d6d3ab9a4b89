package com.tmallbridge.channel.tmall;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Tmall channel, bound from {@code bridge.channel.tmall.*} and checked when bound
 * (an invalid value stops the application with a message naming the key).
 *
 * @param connectTimeout TCP connect timeout to the TOP gateway (default 15 s, as the official SDK)
 * @param readTimeout time allowed for the whole answer (default 30 s, as the official SDK)
 * @param maxAttempts attempts per call including the first, for retryable failures (default 4)
 * @param retryBaseDelay first back-off delay; doubles per attempt with ±50 % jitter (default 200 ms)
 * @param retryMaxDelay cap of one back-off delay (default 5 s)
 * @param maxBanWait longest flow-control ban ("This ban will last for N more seconds") the client
 *     waits out itself; longer bans fail with kind BANNED (default 10 s)
 * @param banWaitMargin after an announced short ban ends, how long the shop's other calls wait at
 *     most for the answer of the first call out (the probe) before they go too (default 500 ms)
 * @param callsPerSecond calls per second allowed per shop, counted by the bridge (default 50)
 * @param rateLimitTimeout how long a call may wait for a rate-limit permit (default 5 s)
 * @param pushReserve permits of {@code callsPerSecond} that a shop's other calls (polling,
 *     write-backs) leave each second to reading the trades of pushed messages (TMC) while such
 *     reads go on — within a second of the last one (default 40, matching {@code
 *     bridge.order.messages.calls-per-second}; 0 turns this priority off, and it
 *     is at most {@code callsPerSecond − 1}). A payment waits for those reads; nobody waits for a
 *     poll by the second. When no pushed message is being read, the other calls have every permit
 * @param pageSize page size of trade list calls, 1-100 (default 100)
 * @param simplify ask for TOP's simplified JSON ({@code simplify=true}) (default false)
 * @param partnerId sent as {@code partner_id}; empty to omit (default {@code tmallbridge})
 * @param tradeTypes trade types asked for in trade list calls; TOP returns only the listed types
 *     and by default lists only guarantee_trade,auto_delivery,ec,cod,step (default: every
 *     documented type, so that e.g. tmall_i18n trades are not missed)
 */
@ConfigurationProperties("bridge.channel.tmall")
record TmallProperties(
    @DefaultValue("15s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("4") int maxAttempts,
    @DefaultValue("200ms") Duration retryBaseDelay,
    @DefaultValue("5s") Duration retryMaxDelay,
    @DefaultValue("10s") Duration maxBanWait,
    @DefaultValue("500ms") Duration banWaitMargin,
    @DefaultValue("50") int callsPerSecond,
    @DefaultValue("5s") Duration rateLimitTimeout,
    @DefaultValue("40") int pushReserve,
    @DefaultValue("100") int pageSize,
    @DefaultValue("false") boolean simplify,
    @DefaultValue("tmallbridge") String partnerId,
    java.util.List<String> tradeTypes) {

  /** Every trade type TOP documents for the {@code type} filter ({@code guarantee_trade} is an alias of fixed + auction). */
  static final java.util.List<String> DEFAULT_TRADE_TYPES = java.util.List.of(
      "fixed", "auction", "step", "independent_simple_trade", "independent_shop_trade", "auto_delivery", "ec", "cod",
      "game_equipment", "shopex_trade", "netcn_trade", "external_trade", "instant_trade", "b2c_cod", "hotel_trade",
      "super_market_trade", "super_market_cod_trade", "taohua", "waimai", "o2o_offlinetrade", "nopaid", "eticket",
      "tmall_i18n", "insurance_plus", "finance", "pre_auth_type");

  TmallProperties {
    positive("connectTimeout", connectTimeout);
    positive("readTimeout", readTimeout);
    positive("retryBaseDelay", retryBaseDelay);
    positive("retryMaxDelay", retryMaxDelay);
    notNegative("maxBanWait", maxBanWait);
    notNegative("banWaitMargin", banWaitMargin);
    notNegative("rateLimitTimeout", rateLimitTimeout);
    range("maxAttempts", maxAttempts, 1, 20);
    range("callsPerSecond", callsPerSecond, 1, 10_000);
    range("pushReserve", pushReserve, 0, 10_000);
    range("pageSize", pageSize, 1, 100);
    if (retryMaxDelay.compareTo(retryBaseDelay) < 0) {
      throw invalid("retryMaxDelay", retryMaxDelay + " is shorter than retryBaseDelay " + retryBaseDelay);
    }
    partnerId = partnerId == null ? "" : partnerId.strip();
    tradeTypes = tradeTypes == null ? DEFAULT_TRADE_TYPES : java.util.List.copyOf(tradeTypes);
    if (tradeTypes.isEmpty()) {
      throw invalid("tradeTypes", "must list at least one trade type");
    }
  }

  /** The defaults, for tests and for code that runs without Spring. */
  static TmallProperties defaults() {
    return new TmallProperties(
        Duration.ofSeconds(15), Duration.ofSeconds(30), 4, Duration.ofMillis(200), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofMillis(500), 50, Duration.ofSeconds(5), 40, 100, false, "tmallbridge",
        DEFAULT_TRADE_TYPES);
  }

  private static void positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw invalid(key, "must be a positive duration, got " + value);
    }
  }

  private static void notNegative(String key, Duration value) {
    if (value == null || value.isNegative()) {
      throw invalid(key, "must not be negative, got " + value);
    }
  }

  private static void range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(key, "must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static IllegalArgumentException invalid(String key, String problem) {
    return new IllegalArgumentException("bridge.channel.tmall." + key + " " + problem);
  }
}
