package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelMessage;
import com.tmallbridge.channel.MessageHandler;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.tmall.TmcProperties.Mode;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TmcHttpConsumerTests {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String EMPTY = "{\"tmc_messages_consume_response\":{\"messages\":{}}}";
  private static final String CONFIRMED = "{\"tmc_messages_confirm_response\":{\"is_success\":true}}";

  private TopStubServer server;
  private ShopCredentials app;
  private TmcHttpConsumer consumer;
  private final List<ChannelMessage> handled = new CopyOnWriteArrayList<>();
  private final List<ChannelException> refusals = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TopStubServer.start();
    app = server.shop(9, "hmac");
  }

  @AfterEach
  void stop() {
    if (consumer != null) {
      consumer.close();
    }
    server.close();
  }

  static TmcProperties properties(String group, Duration idleMin, Duration idleMax) {
    return new TmcProperties(true, Mode.HTTP, URI.create("ws://unused/"), group, Duration.ofSeconds(15),
        Duration.ofSeconds(45), Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(200), 2000, 3, 50,
        idleMin, idleMax, Duration.ofSeconds(2));
  }

  private void consume(TmcProperties properties, MessageHandler handler) {
    TmallProperties top = new TestProperties().build();
    Clock clock = Clock.fixed(Instant.parse("2024-11-11T00:00:00Z"), ZoneOffset.UTC);
    consumer = new TmcHttpConsumer(new TopClient(top, clock), properties, app, handler, refusals::add, clock).start();
  }

  private static String messages(String... entries) {
    return "{\"tmc_messages_consume_response\":{\"messages\":{\"tmc_message\":[" + String.join(",", entries) + "]}}}";
  }

  private static String message(long id, String topic, String content) {
    return "{\"id\":" + id + ",\"topic\":\"" + topic + "\",\"content\":\"" + content.replace("\"", "\\\"")
        + "\",\"pub_time\":\"2024-11-11 08:00:01\",\"pub_app_key\":\"12345678\",\"user_id\":77,\"user_nick\":\"shop-nick\"}";
  }

  private List<Received> calls(String method) {
    return server.received().stream().filter(r -> method.equals(r.method())).toList();
  }

  @Test
  void consumesHandlesAndConfirmsTheMessagesItProcessed() {
    AtomicInteger consumes = new AtomicInteger();
    server.answer(r -> switch (r.method()) {
      case "taobao.tmc.messages.consume" -> consumes.incrementAndGet() == 1
          ? Reply.json(messages(
              message(1, "taobao_trade_TradeBuyerPay", "{\"tid\":100,\"oid\":100}"),
              message(2, "taobao_refund_RefundSuccess", "{\"refund_id\":\"55\",\"tid\":100,\"oid\":101}"),
              message(3, "taobao_trade_TradeClose", "{\"tid\":300}")))
          : Reply.json(EMPTY);
      case "taobao.tmc.messages.confirm" -> Reply.json(CONFIRMED);
      default -> Reply.html(500, "unexpected");
    });

    consume(properties("default", Duration.ofMillis(20), Duration.ofMillis(100)), message -> {
      if (message.id().equals("3")) {
        throw new IllegalStateException("ERP unreachable");
      }
      handled.add(message);
    });

    await().atMost(WAIT).until(() -> !calls("taobao.tmc.messages.confirm").isEmpty());
    Received consume = calls("taobao.tmc.messages.consume").get(0);
    assertThat(consume.form()).containsEntry("quantity", "50").doesNotContainKey("group_name");
    assertThat(consume.query()).doesNotContainKey("session");
    Received confirm = calls("taobao.tmc.messages.confirm").get(0);
    assertThat(List.of(confirm.form().get("s_message_ids").split(","))).containsExactlyInAnyOrder("1", "2");
    assertThat(confirm.form()).doesNotContainKeys("group_name", "f_message_ids");
    assertThat(handled).extracting(ChannelMessage::id).containsExactlyInAnyOrder("1", "2");
    ChannelMessage refund = handled.stream().filter(ChannelMessage::isRefundEvent).findFirst().orElseThrow();
    assertThat(refund.refundId()).isEqualTo("55");
    assertThat(refund.tid()).isEqualTo("100");
    assertThat(refund.oid()).isEqualTo("101");
    assertThat(refund.publishTime()).isEqualTo(Instant.parse("2024-11-11T00:00:01Z"));
    assertThat(refund.userNick()).isEqualTo("shop-nick");
    assertThat(refund.userId()).isEqualTo("77");
    await().atMost(WAIT).until(consumer::isConnected);
  }

  @Test
  void namesANonDefaultGroupInBothCalls() {
    AtomicInteger consumes = new AtomicInteger();
    server.answer(r -> r.method().equals("taobao.tmc.messages.consume")
        ? Reply.json(consumes.incrementAndGet() == 1 ? messages(message(1, "taobao_trade_TradeCreate", "{\"tid\":1}")) : EMPTY)
        : Reply.json(CONFIRMED));

    consume(properties("erp", Duration.ofMillis(20), Duration.ofMillis(100)), handled::add);

    await().atMost(WAIT).until(() -> !calls("taobao.tmc.messages.confirm").isEmpty());
    assertThat(calls("taobao.tmc.messages.consume").get(0).form()).containsEntry("group_name", "erp");
    assertThat(calls("taobao.tmc.messages.confirm").get(0).form()).containsEntry("group_name", "erp")
        .containsEntry("s_message_ids", "1");
  }

  @Test
  void backsOffWhileTheQueueStaysEmpty() {
    server.answer(r -> Reply.json(EMPTY));

    consume(properties("default", Duration.ofMillis(40), Duration.ofMillis(320)), handled::add);

    await().atMost(WAIT).until(() -> calls("taobao.tmc.messages.consume").size() >= 6);
    List<Instant> at = calls("taobao.tmc.messages.consume").stream().map(Received::at).toList();
    // waits of 40, 80, 160, 320, 320 ms: the last gaps are far longer than the first
    assertThat(Duration.between(at.get(4), at.get(5))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(Duration.between(at.get(0), at.get(5))).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(calls("taobao.tmc.messages.confirm")).isEmpty();
  }

  @Test
  void keepsPollingAfterAFailedCall() {
    AtomicInteger consumes = new AtomicInteger();
    server.answer(r -> {
      if (r.method().equals("taobao.tmc.messages.confirm")) {
        return Reply.json(CONFIRMED);
      }
      int n = consumes.incrementAndGet();
      if (n == 1) {
        return Reply.json("{\"error_response\":{\"code\":11,\"msg\":\"Insufficient ISV Permissions\"}}");
      }
      return Reply.json(n == 2 ? messages(message(5, "taobao_trade_TradeSuccess", "{\"tid\":5}")) : EMPTY);
    });

    consume(properties("default", Duration.ofMillis(20), Duration.ofMillis(100)), handled::add);

    await().atMost(WAIT).until(() -> !calls("taobao.tmc.messages.confirm").isEmpty());
    assertThat(handled).extracting(ChannelMessage::tid).containsExactly("5");
  }

  @Test
  void reportsARefusedSessionOnceWhileItLasts() {
    AtomicInteger consumes = new AtomicInteger();
    server.answer(r -> {
      consumes.incrementAndGet();
      return Reply.json("{\"error_response\":{\"code\":27,\"msg\":\"Invalid session\"}}");
    });

    consume(properties("default", Duration.ofMillis(20), Duration.ofMillis(100)), handled::add);

    await().atMost(WAIT).until(() -> !refusals.isEmpty());
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> refusals.size() == 1);
    assertThat(refusals.get(0).kind()).isEqualTo(ChannelException.Kind.NEEDS_REAUTHORISATION);
    assertThat(consumer.isConnected()).isFalse();
  }
}
