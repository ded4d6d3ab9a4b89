package com.tmallbridge.channel.tmall;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the TOP client from {@code bridge.channel.tmall.*}, the application's clock and its metrics
 * (none in slices without a {@code MeterRegistry}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TmallProperties.class)
class TmallConfiguration {

  @Bean
  TopClient tmallTopClient(TmallProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) {
    return new TopClient(properties, clock, meters.getIfAvailable(CompositeMeterRegistry::new));
  }
}
