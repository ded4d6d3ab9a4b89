package com.tmallbridge;

import java.time.Clock;
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
}
