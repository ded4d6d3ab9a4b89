package com.tmallbridge;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * Spring Boot application of the bridge. {@code core} is the shared kernel every module may use.
 * Processes start through {@code com.tmallbridge.cli.BridgeMain}, which parses the command line
 * before it boots Spring.
 */
@SpringBootApplication
@Modulithic(sharedModules = "core")
public class BridgeApplication {

  /** The one source of time; tests replace it with a fixed or mutable clock. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The metrics of this process: a composite with one in-memory registry, to which an exporter
   * (Prometheus) can be added later. The benches swap the in-memory child for a fresh one to
   * measure a run without its warm-up ({@link #inMemory}).
   *
   * @param percentileWindow how long p50/p99/max of the {@code bridge.*} timers look back
   *     ({@code bridge.metrics.percentile-window}, Micrometer's default 2 minutes; the benches
   *     set hours, so that the figures cover the whole run)
   */
  @Bean
  @ConditionalOnMissingBean
  CompositeMeterRegistry meterRegistry(@Value("${bridge.metrics.percentile-window:PT2M}") Duration percentileWindow) {
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.add(inMemory(percentileWindow));
    return composite;
  }

  /**
   * An in-memory registry whose {@code bridge.*} timers also keep p50 and p99 (two significant
   * digits) and max over {@code percentileWindow}.
   */
  public static MeterRegistry inMemory(Duration percentileWindow) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public @Nullable DistributionStatisticConfig configure(
          io.micrometer.core.instrument.Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().startsWith("bridge.")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentiles(0.5, 0.99)
            .percentilePrecision(2)
            .expiry(percentileWindow)
            .build()
            .merge(config);
      }
    });
    return registry;
  }
}
