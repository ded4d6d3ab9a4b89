package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link TmallSandbox}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param seed seed of every random choice (shop, trades, faults): same seed, same data
 * @param clock the sandbox's time: trade times, timestamp checks, the 3-month horizon, bans
 * @param faults faults injected from the start (changeable later)
 * @param idsAsStrings write {@code tid}, {@code oid}, {@code num_iid} and SKU {@code sku_id} as
 *     JSON strings instead of numbers (both forms occur in real captures)
 * @param catalog the default shop's catalog ({@link CatalogSpec#generated(int)} by default)
 * @param mix outcome and type mix of generated history
 * @param httpThreads size of the HTTP server's thread pool
 * @param burstWindow how far back {@link TmallSandbox#burst(int)} spreads creation times
 */
public record SandboxConfig(
    int port,
    long seed,
    Clock clock,
    FaultSettings faults,
    boolean idsAsStrings,
    CatalogSpec catalog,
    TradeMix mix,
    int httpThreads,
    Duration burstWindow) {

  public SandboxConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(catalog, "catalog");
    if (httpThreads < 1) {
      throw new IllegalArgumentException("httpThreads must be >= 1");
    }
    if (burstWindow.isNegative() || burstWindow.isZero()) {
      throw new IllegalArgumentException("burstWindow must be positive");
    }
  }

  /** Free port, seed 42, system UTC clock, no faults, numeric ids, 8 threads, 5-minute bursts. */
  public static SandboxConfig defaults() {
    return new SandboxConfig(
        0,
        42,
        Clock.systemUTC(),
        FaultSettings.none(),
        false,
        CatalogSpec.generated(0),
        TradeMix.defaults(),
        8,
        Duration.ofMinutes(5));
  }

  public SandboxConfig withPort(int newPort) {
    return new SandboxConfig(
        newPort, seed, clock, faults, idsAsStrings, catalog, mix, httpThreads, burstWindow);
  }

  public SandboxConfig withSeed(long newSeed) {
    return new SandboxConfig(
        port, newSeed, clock, faults, idsAsStrings, catalog, mix, httpThreads, burstWindow);
  }

  public SandboxConfig withClock(Clock newClock) {
    return new SandboxConfig(
        port, seed, newClock, faults, idsAsStrings, catalog, mix, httpThreads, burstWindow);
  }

  public SandboxConfig withFaults(FaultSettings newFaults) {
    return new SandboxConfig(
        port, seed, clock, newFaults, idsAsStrings, catalog, mix, httpThreads, burstWindow);
  }

  public SandboxConfig withIdsAsStrings(boolean strings) {
    return new SandboxConfig(
        port, seed, clock, faults, strings, catalog, mix, httpThreads, burstWindow);
  }

  /** The default shop with a generated catalog of {@code count} items (0: the seed chooses). */
  public SandboxConfig withItemCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("itemCount must be >= 0, got " + count);
    }
    return withCatalog(CatalogSpec.generated(count));
  }

  /** The default shop's catalog, e.g. {@link CatalogSpec#uniform} for a benchmark. */
  public SandboxConfig withCatalog(CatalogSpec newCatalog) {
    return new SandboxConfig(
        port, seed, clock, faults, idsAsStrings, newCatalog, mix, httpThreads, burstWindow);
  }

  /** Items of a generated default catalog (0: the seed chooses), or of a uniform one. */
  public int itemCount() {
    return catalog.itemCount();
  }

  public SandboxConfig withMix(TradeMix newMix) {
    return new SandboxConfig(
        port, seed, clock, faults, idsAsStrings, catalog, newMix, httpThreads, burstWindow);
  }

  public SandboxConfig withBurstWindow(Duration window) {
    return new SandboxConfig(
        port, seed, clock, faults, idsAsStrings, catalog, mix, httpThreads, window);
  }

  public SandboxConfig withHttpThreads(int threads) {
    return new SandboxConfig(
        port, seed, clock, faults, idsAsStrings, catalog, mix, threads, burstWindow);
  }
}
