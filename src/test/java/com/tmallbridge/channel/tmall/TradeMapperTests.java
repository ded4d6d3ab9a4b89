package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TradeMapperTests {

  @Test
  void mapsTradeMoneyTimesAndReceiver() {
    ChannelTrade trade = TradeMapper.trade(Fixtures.firstOf("trades_sold_increment_get/wrapped.json", "trades"));

    assertThat(trade.tid()).isEqualTo("3028689418086124");
    assertThat(trade.status()).isEqualTo("WAIT_SELLER_SEND_GOODS");
    assertThat(trade.type()).isEqualTo("fixed");
    assertThat(trade.created()).isEqualTo(Instant.parse("2024-11-10T16:00:05Z"));
    assertThat(trade.modified()).isEqualTo(Instant.parse("2024-11-10T16:01:30Z"));
    assertThat(trade.payTime()).isEqualTo(Instant.parse("2024-11-10T16:00:20Z"));
    assertThat(trade.paymentFen()).isEqualTo(26800);
    assertThat(trade.postFeeFen()).isEqualTo(1000);
    assertThat(trade.totalFeeFen()).isEqualTo(29800);
    assertThat(trade.discountFeeFen()).isEqualTo(4000);
    assertThat(trade.adjustFeeFen()).isZero();
    assertThat(trade.buyerNick()).isEqualTo("t**1");
    assertThat(trade.buyerOpenUid()).isEqualTo("AAGx3kR5ABCD");
    assertThat(trade.receiverName()).isEqualTo("屈**");
    assertThat(trade.receiverMobile()).isEqualTo("1389289****");
    assertThat(trade.receiverPhone()).as("empty text counts as absent").isNull();
    assertThat(trade.receiverState()).isEqualTo("浙江省");
    assertThat(trade.receiverCity()).isEqualTo("杭州市");
    assertThat(trade.receiverDistrict()).isEqualTo("西湖区");
    assertThat(trade.receiverAddress()).isEqualTo("文**路***号");
    assertThat(trade.receiverZip()).isEqualTo("310000");
    assertThat(trade.buyerMessage()).isEqualTo("请尽快发货");
    assertThat(trade.sellerMemo()).isEqualTo("VIP");
    assertThat(trade.sellerFlag()).isEqualTo(2);
  }

  @Test
  void mapsSubOrders() {
    ChannelTrade trade = TradeMapper.trade(Fixtures.firstOf("trades_sold_increment_get/wrapped.json", "trades"));

    assertThat(trade.lines()).hasSize(2);
    assertThat(trade.lines().get(0))
        .isEqualTo(
            new ChannelTradeLine(
                "3028689418086125", "612345678901", "4567890123456", "TB-100", "TB-100-WH-XL", "纯棉T恤",
                "颜色:白色;尺码:XL", 2, 9900, 17800, 17800, 15813L, 2000, 0, "WAIT_SELLER_SEND_GOODS", "NO_REFUND"));
    ChannelTradeLine plain = trade.lines().get(1);
    assertThat(plain.skuId()).isNull();
    assertThat(plain.outerIid()).isNull();
    assertThat(plain.divideOrderFeeFen()).isNull();
    assertThat(plain.refundStatus()).isNull();
    assertThat(plain.paymentFen()).isEqualTo(8000);
  }

  @Test
  void leavesMissingOptionalFieldsNullOrZero() {
    ChannelTrade trade =
        TradeMapper.trade(Fixtures.response("trade_fullinfo_get/minimal.json", false).object("trade").orElseThrow());

    assertThat(trade.payTime()).isNull();
    assertThat(trade.type()).isNull();
    assertThat(trade.buyerNick()).isNull();
    assertThat(trade.receiverAddress()).isNull();
    assertThat(trade.postFeeFen()).isZero();
    assertThat(trade.sellerFlag()).isZero();
    assertThat(trade.lines()).singleElement().satisfies(line -> {
      assertThat(line.title()).isEmpty();
      assertThat(line.priceFen()).isZero();
      assertThat(line.paymentFen()).isEqualTo(1000);
    });
  }

  @Test
  void mapsTheSimplifyFormLikeTheWrappedForm() {
    JsonNode entry = Fixtures.response("trades_sold_increment_get/simplify.json", true).list("trades").get(0);

    ChannelTrade trade = TradeMapper.trade(entry);

    assertThat(trade.tid()).isEqualTo("3028689418086300");
    assertThat(trade.lines()).extracting(ChannelTradeLine::oid).containsExactly("3028689418086301");
    assertThat(trade.modified()).isEqualTo(Instant.parse("2024-11-11T00:30:00Z"));
  }

  @Test
  void mapsIdsGivenAsStrings() {
    ChannelTrade trade = TradeMapper.trade(Fixtures.firstOf("trades_sold_increment_get/ids_as_strings.json", "trades"));

    assertThat(trade.lines()).singleElement().satisfies(line -> {
      assertThat(line.oid()).isEqualTo("227668460417201790");
      assertThat(line.numIid()).isEqualTo("612345678905");
      assertThat(line.num()).isEqualTo(1);
    });
    assertThat(trade.paymentFen()).isEqualTo(1);
  }

  @Test
  void keepsTheTradeJsonAndReadsItBackUnchanged() {
    JsonNode entry = Fixtures.response("trade_fullinfo_get/decimal_numbers.json", false).object("trade").orElseThrow();

    ChannelTrade trade = TradeMapper.trade(entry);

    assertThat(trade.rawJson()).contains("\"payment\":148.50").contains("\"coupon_fee\":1.10").doesNotContain("response");
    assertThat(trade.paymentFen()).isEqualTo(14850);
    assertThat(TradeMapper.fromJson(trade.rawJson())).isEqualTo(trade);
  }

  @Test
  void rejectsMalformedValuesNamingTradeAndField() {
    JsonNode bad = TopJson.readObject(
        "{\"tid\":9,\"status\":\"X\",\"created\":\"2024-11-11 00:00:00\",\"modified\":\"2024-11-11 00:00:00\","
            + "\"payment\":\"1.234\",\"orders\":[]}");
    JsonNode noModified = TopJson.readObject("{\"tid\":8,\"status\":\"X\",\"created\":\"2024-11-11 00:00:00\"}");

    assertThatIllegalArgumentException().isThrownBy(() -> TradeMapper.trade(bad)).withMessageContaining("trade 9").withMessageContaining("payment");
    assertThatIllegalArgumentException().isThrownBy(() -> TradeMapper.trade(noModified)).withMessageContaining("modified");
    assertThatIllegalArgumentException().isThrownBy(() -> TradeMapper.fromJson("not json"));
  }

  @Test
  void tellsWhichListEntriesNeedFullDetail() {
    var entries = Fixtures.response("trades_sold_increment_get/partial_entries.json", false).list("trades");

    assertThat(TradeMapper.needsDetail(entries.get(0))).as("no orders").isTrue();
    assertThat(TradeMapper.needsDetail(entries.get(1))).as("order without payment").isTrue();
    assertThat(TradeMapper.needsDetail(Fixtures.firstOf("trades_sold_increment_get/wrapped.json", "trades"))).isFalse();
  }

  @Test
  void asksForEveryFieldItReads() {
    String fields = TradeMapper.fieldsParameter();

    assertThat(fields.split(",")).contains("tid", "modified", "payment", "seller_flag", "orders", "orders.oid", "orders.divide_order_fee");
  }
}
