package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.QuantityUpdate;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.StockPublisher;
import com.tmallbridge.channel.tmall.TopStubServer.Received;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TOP stock publisher against a scripted gateway: requests, response parsing, error classes. */
class TmallStockPublisherTests {
  private static final Instant NOW = Instant.parse("2024-11-10T16:00:00Z");
  private static final String ITEM = "612345678901";

  private TopStubServer server;
  private ShopCredentials shop;

  @BeforeEach
  void start() throws Exception {
    server = TopStubServer.start();
    shop = server.shop(5, "hmac-sha256");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static StockPublisher publisher(TestProperties properties) {
    return new TmallStockPublisher(new TopClient(properties.build(), Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  private static StockPublisher publisher() {
    return publisher(new TestProperties());
  }

  private static Map<String, Long> twoSkus() {
    Map<String, Long> quantities = new LinkedHashMap<>();
    quantities.put("4987654321001", 12L);
    quantities.put("4987654321002", 0L);
    return quantities;
  }

  private static Reply fixture(String path) {
    return Reply.json(Fixtures.text(path));
  }

  @Test
  void setsSkuQuantitiesInFullModeWithASignedRequest() {
    server.reply(fixture("skus_quantity_update/wrapped.json"));

    publisher().setSkuQuantities(shop, ITEM, twoSkus());

    Received request = server.received().get(0);
    assertThat(request.method()).isEqualTo("taobao.skus.quantity.update");
    assertThat(request.query()).containsEntry("session", "session-5").containsEntry("sign_method", "hmac-sha256");
    assertThat(request.form()).containsOnly(
        Map.entry("num_iid", ITEM), Map.entry("skuid_quantities", "4987654321001:12;4987654321002:0"), Map.entry("type", "1"));
    Map<String, String> signed = new TreeMap<>(request.query());
    signed.putAll(request.form());
    assertThat(request.query().get("sign")).isEqualTo(TopSigner.sign(signed, TopStubServer.SECRET, "hmac-sha256"));
  }

  @Test
  void readsTheItemAndEverySkuTheChannelReturns() {
    server.reply(fixture("skus_quantity_update/wrapped.json"));

    QuantityUpdate update = publisher().setSkuQuantities(shop, ITEM, twoSkus());

    assertThat(update.numIid()).isEqualTo(ITEM);
    assertThat(update.itemQuantity()).isEqualTo(37);
    assertThat(update.skuQuantities())
        .containsOnly(Map.entry("4987654321001", 12L), Map.entry("4987654321002", 0L), Map.entry("4987654321003", 25L));
    assertThat(update.modified()).isEqualTo(Instant.parse("2024-11-10T16:00:05Z"));
  }

  @Test
  void readsTheSimplifiedAnswerAlike() {
    server.reply(fixture("skus_quantity_update/simplify.json"));

    QuantityUpdate update = publisher(new TestProperties().simplify(true)).setSkuQuantities(shop, ITEM, twoSkus());

    assertThat(server.received().get(0).query()).containsEntry("simplify", "true");
    assertThat(update.skuQuantities()).hasSize(3).containsEntry("4987654321003", 25L);
    assertThat(update.itemQuantity()).isEqualTo(37);
  }

  @Test
  void setsTheQuantityOfAnItemWithoutSkus() {
    server.reply(fixture("item_quantity_update/no_skus.json"));

    QuantityUpdate update = publisher().setItemQuantity(shop, "612345678902", null, 8);

    assertThat(server.received().get(0).method()).isEqualTo("taobao.item.quantity.update");
    assertThat(server.received().get(0).form())
        .containsOnly(Map.entry("num_iid", "612345678902"), Map.entry("quantity", "8"), Map.entry("type", "1"));
    assertThat(update).isEqualTo(new QuantityUpdate("612345678902", 8, Map.of(), Instant.parse("2024-11-10T16:00:07Z")));
  }

  @Test
  void setsTheQuantityOfOneSkuWithItemQuantityUpdate() {
    server.reply(fixture("skus_quantity_update/wrapped.json"));

    publisher().setItemQuantity(shop, ITEM, "4987654321001", 12);

    assertThat(server.received().get(0).form())
        .containsEntry("num_iid", ITEM)
        .containsEntry("sku_id", "4987654321001")
        .containsEntry("quantity", "12")
        .containsEntry("type", "1");
  }

  @Test
  void refusesBadArgumentsWithoutCallingTheGateway() {
    Map<String, Long> tooMany = new LinkedHashMap<>();
    IntStream.rangeClosed(1, 21).forEach(i -> tooMany.put(Long.toString(4987654321000L + i), 1L));
    Map<String, Long> negative = Map.of("4987654321001", -1L);
    StockPublisher publisher = publisher();

    assertThatThrownBy(() -> publisher.setSkuQuantities(shop, ITEM, tooMany)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-20");
    assertThatThrownBy(() -> publisher.setSkuQuantities(shop, ITEM, Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> publisher.setSkuQuantities(shop, ITEM, negative)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> publisher.setSkuQuantities(shop, ITEM, Map.of("1:2;3", 1L))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> publisher.setItemQuantity(shop, ITEM, null, -5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> publisher.setItemQuantity(shop, "abc", null, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.received()).isEmpty();
  }

  @Test
  void acceptsExactlyTwentySkus() {
    Map<String, Long> twenty = new LinkedHashMap<>();
    IntStream.rangeClosed(1, 20).forEach(i -> twenty.put(Long.toString(4987654321000L + i), (long) i));
    server.reply(fixture("skus_quantity_update/wrapped.json"));

    publisher().setSkuQuantities(shop, ITEM, twenty);

    assertThat(server.received().get(0).param("skuid_quantities").split(";")).hasSize(20);
  }

  @Test
  void retriesServerErrorsAndCode10ThenSucceeds() {
    server.reply(
        fixture("error/isp_timeout.json"),
        Reply.json("{\"error_response\":{\"code\":10,\"msg\":\"Service Currently Unavailable\"}}"),
        fixture("skus_quantity_update/wrapped.json"));

    QuantityUpdate update = publisher().setSkuQuantities(shop, ITEM, twoSkus());

    assertThat(update.itemQuantity()).isEqualTo(37);
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void reportsServerErrorsOnEveryAttemptAsRetryable() {
    server.answer(r -> fixture("error/isp_timeout.json"));

    ChannelException e = failure(() -> publisher(new TestProperties().maxAttempts(2)).setSkuQuantities(shop, ITEM, twoSkus()));

    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(e.errorCode()).isEqualTo(TmallErrorCode.SERVER_ERROR);
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void reportsALongFlowControlBanAsBannedUntilItEnds() {
    server.answer(r -> Reply.json("{\"error_response\":{\"code\":7,\"msg\":\"App Call Limited\","
        + "\"sub_code\":\"accesscontrol.limited-by-app-access-count\",\"sub_msg\":\"This ban will last for 3600 more seconds\"}}"));

    ChannelException e = failure(() -> publisher().setItemQuantity(shop, ITEM, null, 3));

    assertThat(e.kind()).isEqualTo(Kind.BANNED);
    assertThat(e.retryAfter()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void asksForReauthorisationOnAnInvalidSessionAndStopsCalling() {
    server.reply(fixture("error/invalid_session.json"));
    StockPublisher publisher = publisher();

    ChannelException first = failure(() -> publisher.setSkuQuantities(shop, ITEM, twoSkus()));
    ChannelException second = failure(() -> publisher.setSkuQuantities(shop, ITEM, twoSkus()));

    assertThat(first.kind()).isEqualTo(Kind.NEEDS_REAUTHORISATION);
    assertThat(first.errorCode()).isEqualTo(TmallErrorCode.SESSION_INVALID);
    assertThat(second.errorCode()).isEqualTo(TmallErrorCode.REAUTHORISATION_PENDING);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void reportsAnIsvRejectionAsPermanentNamingItemAndSkusWithoutRetrying() {
    server.answer(r -> fixture("error/invalid_sku.json"));

    ChannelException e = failure(() -> publisher().setSkuQuantities(shop, ITEM, twoSkus()));

    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(e.retryable()).isFalse();
    assertThat(e.errorCode()).isEqualTo(TmallErrorCode.QUANTITY_REJECTED);
    assertThat(e.getMessage())
        .startsWith("TMALL-020")
        .contains("item " + ITEM, "4987654321001,4987654321002", "isv.invalid-parameter:sku_id")
        .doesNotContain(TopStubServer.SECRET);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void keepsAMissingPermissionAsAGeneralRejection() {
    server.answer(r -> Reply.json("{\"error_response\":{\"code\":11,\"msg\":\"Insufficient ISV Permissions\"}}"));

    ChannelException e = failure(() -> publisher().setItemQuantity(shop, ITEM, "4987654321001", 1));

    assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(e.errorCode()).isEqualTo(TmallErrorCode.REJECTED);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void reportsAnAnswerWithoutItemOrModifiedTimeAsUnreadable() {
    server.reply(
        Reply.json("{\"skus_quantity_update_response\":{\"request_id\":\"x\"}}"),
        Reply.json("{\"skus_quantity_update_response\":{\"item\":{\"num_iid\":1,\"num\":2}}}"));
    StockPublisher publisher = publisher();

    ChannelException noItem = failure(() -> publisher.setSkuQuantities(shop, ITEM, twoSkus()));
    ChannelException noTime = failure(() -> publisher.setSkuQuantities(shop, ITEM, twoSkus()));

    assertThat(noItem.errorCode()).isEqualTo(TmallErrorCode.UNREADABLE_RECORD);
    assertThat(noItem.getMessage()).contains("without an item");
    assertThat(noTime.errorCode()).isEqualTo(TmallErrorCode.UNREADABLE_RECORD);
    assertThat(noTime.getMessage()).contains("modified");
  }

  private static ChannelException failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return catchThrowableOfType(ChannelException.class, call);
  }
}
