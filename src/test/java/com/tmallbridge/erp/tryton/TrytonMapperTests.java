package com.tmallbridge.erp.tryton;

import com.tmallbridge.erp.ErpOrderStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrderLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pure mapping between canonical values and Tryton's wire values. */
class TrytonMapperTests {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Test
  void moneyTravelsAsTrytonDecimalsExactly() {
    assertThat(TrytonMapper.decimal(5990)).containsEntry("__class__", "Decimal").containsEntry("decimal", "59.90");
    assertThat(TrytonMapper.decimal(1)).containsEntry("decimal", "0.01");
    assertThat(TrytonMapper.fen(json("{\"__class__\":\"Decimal\",\"decimal\":\"155.30\"}"))).isEqualTo(15530);
    assertThat(TrytonMapper.fen(json("{\"__class__\":\"Decimal\",\"decimal\":\"0.1\"}"))).isEqualTo(10);
    assertThat(TrytonMapper.fen(json("{\"__class__\":\"Decimal\",\"decimal\":\"1E+2\"}"))).isEqualTo(10000);
    assertThat(TrytonMapper.fen(json("19.99"))).isEqualTo(1999);
    assertThatThrownBy(() -> TrytonMapper.fen(json("{\"__class__\":\"Decimal\",\"decimal\":\"1.005\"}")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void aLineAmountSplitsIntoAtMostTwoExactlyPricedQuantities() {
    MaterialCode m = new MaterialCode("A");

    assertThat(TrytonMapper.pricedQuantities(new SalesOrderLine(1, "o", m, 2, 5990, 11980, "t")))
        .containsExactly(new TrytonMapper.PricedQuantity(2, 5990));
    assertThat(TrytonMapper.pricedQuantities(new SalesOrderLine(1, "o", m, 3, 400, 1000, "t")))
        .containsExactly(new TrytonMapper.PricedQuantity(2, 333), new TrytonMapper.PricedQuantity(1, 334));
    assertThat(TrytonMapper.pricedQuantities(new SalesOrderLine(1, "o", m, 3, 1, 2, "t")))
        .containsExactly(new TrytonMapper.PricedQuantity(1, 0), new TrytonMapper.PricedQuantity(2, 1));
    assertThat(TrytonMapper.pricedQuantities(new SalesOrderLine(1, "o", m, 4, 0, 0, "t")))
        .containsExactly(new TrytonMapper.PricedQuantity(4, 0));
  }

  @Test
  void theSaleReferenceCarriesShopCodeAndOrderNumber() {
    String reference = TrytonMapper.saleReference("TM:01", new ChannelOrderNo("4012345678901"));

    assertThat(reference).isEqualTo("tb:TM:01:4012345678901");
    assertThat(TrytonMapper.channelKey(reference))
        .contains(new TrytonMapper.ChannelKey("TM:01", new ChannelOrderNo("4012345678901")));
    assertThat(TrytonMapper.channelKey("PO-7781")).isEmpty();
    assertThat(TrytonMapper.channelKey("tb:nothing")).isEmpty();
    assertThat(TrytonMapper.channelKey(null)).isEmpty();
  }

  @Test
  void theShipmentReferenceCarriesCarrierAndTrackingNumber() {
    assertThat(TrytonMapper.carriage("ZTO:ZT123")).isEqualTo(new TrytonMapper.Carriage("ZTO", "ZT123"));
    assertThat(TrytonMapper.carriage("SF1234567890")).isEqualTo(new TrytonMapper.Carriage(null, "SF1234567890"));
    assertThat(TrytonMapper.carriage(null)).isEqualTo(new TrytonMapper.Carriage(null, null));
    assertThat(TrytonMapper.shipmentReference("YTO", "YT9")).isEqualTo("YTO:YT9");
  }

  @Test
  void statusWordsFollowStateShipmentStateAndDeliveredGoods() {
    assertThat(TrytonMapper.status("processing", "waiting", false)).isEqualTo(ErpOrderStatus.OPEN);
    assertThat(TrytonMapper.status("confirmed", "none", false)).isEqualTo(ErpOrderStatus.OPEN);
    assertThat(TrytonMapper.status("processing", "waiting", true)).isEqualTo(ErpOrderStatus.PARTLY_DELIVERED);
    assertThat(TrytonMapper.status("processing", "exception", true)).isEqualTo(ErpOrderStatus.PARTLY_DELIVERED);
    assertThat(TrytonMapper.status("done", "sent", true)).isEqualTo(ErpOrderStatus.DELIVERED);
    assertThat(TrytonMapper.status("processing", "sent", true)).isEqualTo(ErpOrderStatus.DELIVERED);
    assertThat(TrytonMapper.status("cancelled", "none", false)).isEqualTo(ErpOrderStatus.CANCELLED);
    assertThat(TrytonMapper.status("done", "sent", false)).as("every open unit cancelled").isEqualTo(ErpOrderStatus.CANCELLED);
    assertThat(TrytonMapper.status("processing", "sent", false)).isEqualTo(ErpOrderStatus.CANCELLED);
    assertThat(TrytonMapper.status("quotation", null, false)).isEqualTo(ErpOrderStatus.OPEN);
  }

  @Test
  void cursorsAndDatetimesRoundTripWithMicroseconds() {
    Instant at = Instant.parse("2026-12-04T11:38:32.162171Z");

    assertThat(TrytonMapper.position(TrytonMapper.cursor(at, 42))).isEqualTo(new TrytonMapper.Position(at, 42));
    assertThat(TrytonMapper.instant(JSON.valueToTree(TrytonMapper.datetime(at)))).isEqualTo(at);
    assertThatThrownBy(() -> TrytonMapper.position("garbage")).isInstanceOf(IllegalArgumentException.class);
    assertThat(TrytonMapper.referencedId("sale.line,12", "sale.line")).contains(12L);
    assertThat(TrytonMapper.referencedId("stock.move,12", "sale.line")).isEmpty();
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
