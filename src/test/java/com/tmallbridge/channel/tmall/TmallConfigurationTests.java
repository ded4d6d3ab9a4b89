package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ItemCatalog;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.ShopProbe;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TmallConfigurationTests {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(Clock.class, Clock::systemUTC)
          .withUserConfiguration(TmallConfiguration.class, TmallChannel.class, TmallStockPublisher.class);

  @Test
  void bindsTheDefaults() {
    runner.run(context -> {
      assertThat(context.getBean(TmallProperties.class)).isEqualTo(TmallProperties.defaults());
      assertThat(context).hasSingleBean(OrderFeed.class).hasSingleBean(ItemCatalog.class).hasSingleBean(ShopProbe.class)
          .hasSingleBean(com.tmallbridge.channel.CategoryDirectory.class)
          .hasSingleBean(com.tmallbridge.channel.StockPublisher.class);
    });
  }

  @Test
  void bindsConfiguredValues() {
    runner
        .withPropertyValues(
            "bridge.channel.tmall.connectTimeout=3s",
            "bridge.channel.tmall.readTimeout=45s",
            "bridge.channel.tmall.maxAttempts=6",
            "bridge.channel.tmall.maxBanWait=30s",
            "bridge.channel.tmall.callsPerSecond=20",
            "bridge.channel.tmall.pageSize=50",
            "bridge.channel.tmall.simplify=true",
            "bridge.channel.tmall.partnerId=top-sdk-java-20210623")
        .run(context -> {
          TmallProperties properties = context.getBean(TmallProperties.class);
          assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(45));
          assertThat(properties.maxAttempts()).isEqualTo(6);
          assertThat(properties.maxBanWait()).isEqualTo(Duration.ofSeconds(30));
          assertThat(properties.callsPerSecond()).isEqualTo(20);
          assertThat(properties.pageSize()).isEqualTo(50);
          assertThat(properties.simplify()).isTrue();
          assertThat(properties.partnerId()).isEqualTo("top-sdk-java-20210623");
        });
  }

  @Test
  void refusesToStartWithAPageSizeTopDoesNotAllow() {
    runner
        .withPropertyValues("bridge.channel.tmall.pageSize=101")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("bridge.channel.tmall.pageSize"));
  }

  @Test
  void refusesToStartWithoutAttemptsOrWithANegativeBanWait() {
    runner
        .withPropertyValues("bridge.channel.tmall.maxAttempts=0")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("maxAttempts"));
    runner
        .withPropertyValues("bridge.channel.tmall.maxBanWait=-1s")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("maxBanWait"));
  }
}
