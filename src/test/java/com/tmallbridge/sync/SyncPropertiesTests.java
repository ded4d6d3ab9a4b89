package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SyncPropertiesTests {

  private static SyncProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("bridge.sync", SyncProperties.class);
  }

  @Test
  void defaultsApplyWhenNothingIsConfigured() {
    SyncProperties properties = bind(Map.of());

    assertThat(properties).isEqualTo(SyncProperties.defaults());
    assertThat(properties.outbox().maxAttempts()).isEqualTo(8);
    assertThat(properties.outbox().backoffBase()).isEqualTo(Duration.ofSeconds(1));
    assertThat(properties.outbox().backoffCap()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.outbox().jitter()).isEqualTo(0.2);
    assertThat(properties.outbox().batchSize()).isEqualTo(100);
    assertThat(properties.outbox().inFlightTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.workerThreads()).isEqualTo(2);
    assertThat(properties.recoverInFlightOnStart()).isTrue();
  }

  @Test
  void bindsConfiguredValues() {
    SyncProperties properties = bind(Map.of(
        "bridge.sync.outbox.maxAttempts", "3",
        "bridge.sync.outbox.backoff-base", "250ms",
        "bridge.sync.outbox.batchSize", "500",
        "bridge.sync.outbox.inFlightTimeout", "30s",
        "bridge.sync.workerThreads", "4",
        "bridge.sync.recoverInFlightOnStart", "false"));

    assertThat(properties.outbox().maxAttempts()).isEqualTo(3);
    assertThat(properties.outbox().backoffBase()).isEqualTo(Duration.ofMillis(250));
    assertThat(properties.outbox().batchSize()).isEqualTo(500);
    assertThat(properties.outbox().inFlightTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(properties.outbox().backoffCap()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.workerThreads()).isEqualTo(4);
    assertThat(properties.recoverInFlightOnStart()).isFalse();
  }

  @Test
  void rejectsImpossibleValues() {
    assertThatThrownBy(() -> bind(Map.of("bridge.sync.outbox.batchSize", "0")))
        .hasRootCauseMessage("bridge.sync.outbox.batchSize must be at least 1, got 0");
    assertThatThrownBy(() -> bind(Map.of("bridge.sync.workerThreads", "0")))
        .hasRootCauseMessage("bridge.sync.workerThreads must be at least 1, got 0");
  }
}
