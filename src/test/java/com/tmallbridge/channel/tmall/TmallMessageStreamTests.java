package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.MessageStream;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TmallMessageStreamTests {
  private TopStubServer server;
  private ShopCredentials shop;
  private TmallMessageStream stream;

  @BeforeEach
  void start() throws Exception {
    server = TopStubServer.start();
    shop = server.shop(2, "md5");
    TmallProperties properties = new TestProperties().build();
    Clock clock = Clock.fixed(Instant.parse("2024-11-11T00:00:00Z"), ZoneOffset.UTC);
    stream = new TmallMessageStream(new TopClient(properties, clock), TmcProperties.defaults(), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void subscribesASellerToEveryTopicOfTheAppByDefault() {
    server.reply(Reply.json("{\"tmc_user_permit_response\":{\"is_success\":true}}"));

    stream.subscribe(shop, List.of());

    assertThat(server.received().get(0).method()).isEqualTo("taobao.tmc.user.permit");
    assertThat(server.received().get(0).form()).doesNotContainKey("topics");
    assertThat(server.received().get(0).query()).containsEntry("session", "session-2");
  }

  @Test
  void subscribesASellerToTheTopicsGiven() {
    server.reply(Reply.json("{\"tmc_user_permit_response\":{\"is_success\":true}}"));

    stream.subscribe(shop, List.of("taobao_trade_TradeBuyerPay", "taobao_refund_RefundSuccess"));

    assertThat(server.received().get(0).form()).containsEntry("topics", "taobao_trade_TradeBuyerPay,taobao_refund_RefundSuccess");
  }

  @Test
  void reportsARefusedSubscription() {
    server.reply(Reply.json("{\"tmc_user_permit_response\":{\"is_success\":false}}"));

    assertThatThrownBy(() -> stream.subscribe(shop, List.of()))
        .isInstanceOfSatisfying(ChannelException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
          assertThat(e.errorCode()).isEqualTo(TmallErrorCode.TMC_PERMIT_REFUSED);
        });
  }

  @Test
  void isOffUnlessEnabled() {
    assertThat(stream.enabled()).isFalse();
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withBean(Clock.class, Clock::systemUTC)
      .withUserConfiguration(TmallConfiguration.class, TmcConfiguration.class, TmallMessageStream.class);

  @Test
  void bindsTheDefaultsAndConfiguredValues() {
    runner.run(context -> {
      assertThat(context.getBean(TmcProperties.class)).isEqualTo(TmcProperties.defaults());
      assertThat(context).hasSingleBean(MessageStream.class);
    });
    runner.withPropertyValues(
            "bridge.channel.tmall.tmc.enabled=true", "bridge.channel.tmall.tmc.mode=http",
            "bridge.channel.tmall.tmc.url=ws://mc.api.tbsandbox.com/", "bridge.channel.tmall.tmc.groupName=erp",
            "bridge.channel.tmall.tmc.fetchPeriod=5s", "bridge.channel.tmall.tmc.batchSize=200")
        .run(context -> {
          TmcProperties tmc = context.getBean(TmcProperties.class);
          assertThat(tmc.enabled()).isTrue();
          assertThat(tmc.mode()).isEqualTo(TmcProperties.Mode.HTTP);
          assertThat(tmc.url()).hasHost("mc.api.tbsandbox.com");
          assertThat(tmc.groupName()).isEqualTo("erp");
          assertThat(tmc.fetchPeriod()).isEqualTo(Duration.ofSeconds(5));
          assertThat(tmc.batchSize()).isEqualTo(200);
          assertThat(context.getBean(MessageStream.class).enabled()).isTrue();
        });
  }

  @Test
  void refusesToStartWithValuesTopDoesNotAllow() {
    runner.withPropertyValues("bridge.channel.tmall.tmc.batchSize=5")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("bridge.channel.tmall.tmc.batchSize"));
    runner.withPropertyValues("bridge.channel.tmall.tmc.url=http://mc.api.taobao.com/")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("bridge.channel.tmall.tmc.url"));
  }
}
