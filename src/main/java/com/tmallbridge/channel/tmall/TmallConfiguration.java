package com.tmallbridge.channel.tmall;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the TOP client from {@code bridge.channel.tmall.*} and the application's clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TmallProperties.class)
class TmallConfiguration {

  @Bean
  TopClient tmallTopClient(TmallProperties properties, Clock clock) {
    return new TopClient(properties, clock);
  }
}
