package com.tmallbridge.golive;

import com.tmallbridge.sandbox.tmall.CatalogSpec;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.sandbox.tmall.TradeMix;
import java.time.Clock;

/** The sandbox shop of the go-live check: one item without SKUs, every trade paid and waiting for goods. */
public final class GoLiveSandbox {
  private GoLiveSandbox() {}

  /** Starts it on {@code clock} (the bridge's); the caller closes it. */
  public static TmallSandbox start(Clock clock) {
    return TmallSandbox.start(SandboxConfig.defaults()
        .withSeed(clock.millis())
        .withClock(clock)
        .withCatalog(CatalogSpec.uniform(1, 0, 1000, "GOLIVE-ITEM-"))
        .withMix(new TradeMix(0, 0, 1, 0, 0, 0, 0, 0)));
  }
}
