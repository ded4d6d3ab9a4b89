package com.tmallbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.channel.CarrierCompany;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Sub-order extraction, carrier matching, states, reason codes and settings, without Spring. */
class FulfilmentUnitTests {
  private static final List<CarrierCompany> COMPANIES = List.of(
      new CarrierCompany("SF", "顺丰速运", "^SF[0-9]{12}$", 1L), new CarrierCompany("ZTO", "中通快递", null, 2L));

  private static ErpDelivery delivery(String... lineIds) {
    return new ErpDelivery(new ErpDocNo("DN1"), new ErpDocNo("SO1"), "S1", new ChannelOrderNo("1001"), "WH01", "SF", "SF1",
        Instant.EPOCH, Arrays.stream(lineIds).map(id -> new ErpDelivery.Line(id, new MaterialCode("M"), 1)).toList());
  }

  @Test
  void takesEachSubOrderOnceStripsComboSuffixesAndLeavesGiftsOut() {
    assertThat(DeliveryReader.subOrders(delivery("11", "11#2", "12", "gift-7", "11#3"))).containsExactly("11", "12");
    assertThat(DeliveryReader.subOrders(delivery("gift-7"))).isEmpty();
  }

  @Test
  void matchesAnErpCarrierByCodeIgnoringCaseOrByExactName() {
    assertThat(CarrierBook.match(COMPANIES, "sf")).map(CarrierCompany::code).contains("SF");
    assertThat(CarrierBook.match(COMPANIES, " 中通快递 ")).map(CarrierCompany::code).contains("ZTO");
    assertThat(CarrierBook.match(COMPANIES, "中通")).isEmpty();
    assertThat(CarrierBook.match(COMPANIES, "DHL")).isEmpty();
  }

  @Test
  void writtenBackStatesAreTheFinalGoodOnes() {
    assertThat(Arrays.stream(ShipmentState.values()).filter(ShipmentState::writtenBack))
        .containsExactlyInAnyOrder(ShipmentState.SENT, ShipmentState.ALREADY_SHIPPED, ShipmentState.SKIPPED);
  }

  @Test
  void reasonCodesAreUniqueAndSayWhatToDo() {
    Set<String> codes = Arrays.stream(FulfilmentReason.values()).map(FulfilmentReason::code).collect(Collectors.toSet());
    assertThat(codes).hasSize(FulfilmentReason.values().length).allMatch(c -> c.matches("SHIP-\\d{3}"));
    assertThat(FulfilmentReason.values()).allSatisfy(r -> assertThat(r.description()).contains(":"));
  }

  @Test
  void rejectsSettingsOutOfRange() {
    assertThatThrownBy(() -> new FulfilmentProperties(Duration.ZERO, 10, Duration.ofHours(1))).hasMessageContaining("interval");
    assertThatThrownBy(() -> new FulfilmentProperties(Duration.ofSeconds(1), 0, Duration.ofHours(1))).hasMessageContaining("feed-batch");
    assertThatThrownBy(() -> new FulfilmentProperties(Duration.ofSeconds(1), 10, Duration.ZERO)).hasMessageContaining("companies-max-age");
  }
}
