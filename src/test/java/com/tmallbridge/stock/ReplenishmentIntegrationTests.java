package com.tmallbridge.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.testsupport.MutableClock;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Suggestions and low-stock alerts from stock moves booked in the built-in ERP, on H2 and
 * PostgreSQL. Each test uses its own material codes, so the shared context needs no reset.
 */
@SpringBootTest
@RecordApplicationEvents
class ReplenishmentIntegrationTests extends SpringDatabaseTestBase {
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(NOW);
    }
  }

  @Autowired Replenishment replenishment;
  @Autowired ErpRegistry erp;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;
  @Autowired LowStockAlertRepository alertRepository;

  private String tag;

  @BeforeEach
  void setUp() {
    clock.set(NOW);
    tag = UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql("insert into erp_warehouse (code, name) select 'WH02', 'second' where not exists (select 1 from erp_warehouse where code = 'WH02')").update();
  }

  private MaterialCode material(String name) {
    MaterialCode code = new MaterialCode(name + "-" + tag);
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(code, name, "pcs", 1000));
    return code;
  }

  /** Books a move {@code daysAgo} days before {@link #NOW}. */
  private void move(MaterialCode m, String warehouse, long quantity, String reason, int daysAgo) {
    clock.set(NOW.minus(Duration.ofDays(daysAgo)));
    erp.capability(StockLedger.class).book(warehouse, m, quantity, reason, reason + "-" + UUID.randomUUID());
    clock.set(NOW);
  }

  private ReplenishmentSuggestion only(MaterialCode m, String warehouse) {
    List<ReplenishmentSuggestion> list = replenishment.suggestions(new ReplenishmentQuery(m, warehouse, null, null));
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  @Test
  void suggestsFromDeliveriesInTheWindowPerWarehouse() {
    MaterialCode a = material("A");
    move(a, "WH01", 300, "RECEIPT", 40);
    move(a, "WH01", -50, "DELIVERY", 35);
    move(a, "WH01", -70, "DELIVERY", 20);
    move(a, "WH01", -70, "DELIVERY", 1);
    move(a, "WH01", -10, "ADJUSTMENT", 1);
    move(a, "WH02", 60, "RECEIPT", 30);
    move(a, "WH02", -56, "DELIVERY", 10);

    // WH01: 140 delivered in 28 days = 5/day, reorder point 35 + 15 = 50, on hand 100
    ReplenishmentSuggestion wh01 = only(a, "WH01");
    assertThat(wh01.onHand()).isEqualTo(100);
    assertThat(wh01.delivered()).isEqualTo(140);
    assertThat(wh01.reorderPoint()).isEqualByComparingTo("50.00");
    assertThat(wh01.daysOfCover()).isEqualByComparingTo("20.0");
    assertThat(wh01.status()).isEqualTo(ReplenishmentStatus.OK);
    // WH02: 2/day, reorder point 14 + 6 = 20, on hand 4 → order 42 + 6 − 4 = 44
    ReplenishmentSuggestion wh02 = only(a, "WH02");
    assertThat(wh02.suggestedQuantity()).isEqualTo(44);
    assertThat(wh02.status()).isEqualTo(ReplenishmentStatus.REORDER);

    // what-if: 40-day window takes in the delivery 35 days ago: 190/40 = 4.75/day
    ReplenishmentSuggestion wider = replenishment.suggestions(new ReplenishmentQuery(a, "WH01", 40, 10)).get(0);
    assertThat(wider.delivered()).isEqualTo(190);
    assertThat(wider.averageDailySales()).isEqualByComparingTo("4.75");
    assertThat(wider.reorderPoint()).isEqualByComparingTo("61.75");
  }

  @Test
  void listsNeverSoldEmptyMaterialsAsDeadInEveryWarehouse() {
    MaterialCode c = material("C");

    List<ReplenishmentSuggestion> list = replenishment.suggestions(new ReplenishmentQuery(c, null, null, null));
    assertThat(list).extracting(ReplenishmentSuggestion::warehouse).containsExactly("WH01", "WH02");
    assertThat(list).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(ReplenishmentStatus.DEAD);
      assertThat(s.lowStock()).isFalse();
    });
  }

  @Test
  void rejectsUnknownMaterialsAndWarehouses() {
    MaterialCode a = material("A");
    assertThatThrownBy(() -> replenishment.suggestions(new ReplenishmentQuery(new MaterialCode("NOPE-" + tag), null, null, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOPE-" + tag);
    assertThatThrownBy(() -> replenishment.suggestions(new ReplenishmentQuery(a, "WH99", null, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WH99");
    assertThatThrownBy(() -> replenishment.updateSettings(ReplenishmentOverride.empty(a, "WH99")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void warehouseSettingsOverrideMaterialSettingsWhichOverrideDefaults() {
    MaterialCode b = material("B");
    move(b, "WH02", 60, "RECEIPT", 30);
    move(b, "WH02", -56, "DELIVERY", 10);

    replenishment.updateSettings(new ReplenishmentOverride(b, null, null, null, null, 10L, 7, null, 25L, null));
    replenishment.updateSettings(new ReplenishmentOverride(b, "WH02", null, 14, null, null, null, null, null, null));

    ReplenishmentSettings effective = replenishment.effectiveSettings(b, "WH02");
    assertThat(effective).isEqualTo(new ReplenishmentSettings(28, 14, null, 10L, 7, 1, 25, null));
    // 2/day: reorder point 28 + 10 = 38; order 2 × 21 + 10 − 4 = 48 → 2 packs of 25
    assertThat(only(b, "WH02").reorderPoint()).isEqualByComparingTo("38.00");
    assertThat(only(b, "WH02").suggestedQuantity()).isEqualTo(50);
    assertThat(replenishment.effectiveSettings(b, "WH01").leadDays()).isEqualTo(7);

    replenishment.updateSettings(new ReplenishmentOverride(b, null, null, null, 2, null, null, null, null, null));
    assertThat(replenishment.effectiveSettings(b, "WH02").safetyDays()).isEqualTo(2);
    assertThat(replenishment.effectiveSettings(b, "WH02").safetyQuantity()).isNull();

    assertThat(replenishment.clearSettings(b, "WH02")).isTrue();
    assertThat(replenishment.effectiveSettings(b, "WH02").leadDays()).isEqualTo(7);
    assertThat(replenishment.clearSettings(b, "WH02")).isFalse();
  }

  @Test
  void opensOneAlertWhileLowClosesItOnRecoveryAndOpensAnewWhenLowAgain() {
    MaterialCode b = material("B");
    MaterialCode dead = material("D");
    move(b, "WH02", 60, "RECEIPT", 30);
    move(b, "WH02", -56, "DELIVERY", 10);

    replenishment.checkLowStock();
    assertThat(openAlerts(b)).singleElement().satisfies(a -> {
      assertThat(a.warehouse()).isEqualTo("WH02");
      assertThat(a.onHandAtOpen()).isEqualTo(4);
      assertThat(a.threshold()).isEqualByComparingTo("20.00");
      assertThat(a.daysOfCover()).isEqualByComparingTo("2.0");
      assertThat(a.suggestedQuantity()).isEqualTo(44);
    });
    assertThat(raised(b)).hasSize(1);
    assertThat(openAlerts(dead)).isEmpty();

    move(b, "WH02", -1, "DELIVERY", 0);
    replenishment.checkLowStock();
    assertThat(openAlerts(b)).singleElement().satisfies(a -> assertThat(a.lastOnHand()).isEqualTo(3));
    assertThat(raised(b)).as("no second event while open").hasSize(1);

    move(b, "WH02", 100, "RECEIPT", 0);
    clock.advance(Duration.ofHours(1));
    replenishment.checkLowStock();
    assertThat(openAlerts(b)).isEmpty();
    assertThat(alertsOf(b, false)).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(LowStockAlert.CLOSED);
      assertThat(a.closedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
      assertThat(a.lastOnHand()).isEqualTo(103);
    });

    move(b, "WH02", -90, "DELIVERY", 0);
    replenishment.checkLowStock();
    assertThat(openAlerts(b)).hasSize(1);
    assertThat(alertsOf(b, false)).hasSize(2);
    assertThat(raised(b)).hasSize(2);
  }

  @Test
  void neverHoldsTwoOpenAlertsForOnePair() {
    MaterialCode b = material("B");
    move(b, "WH01", 1, "RECEIPT", 5);
    move(b, "WH01", -1, "DELIVERY", 2);
    ReplenishmentSuggestion low = only(b, "WH01");
    assertThat(low.lowStock()).isTrue();

    assertThat(alertRepository.open(low, NOW)).isPresent();
    assertThat(alertRepository.open(low, NOW)).as("a concurrent pass finds the open one").isEmpty();
    LowStockPass pass = replenishment.checkLowStock();
    assertThat(pass.failures()).isEmpty();
    assertThat(openAlerts(b)).hasSize(1);
  }

  private List<LowStockAlert> openAlerts(MaterialCode m) {
    return alertsOf(m, true);
  }

  private List<LowStockAlert> alertsOf(MaterialCode m, boolean openOnly) {
    return replenishment.alerts(openOnly, 100_000).stream().filter(a -> a.material().equals(m)).toList();
  }

  private List<LowStockAlertRaised> raised(MaterialCode m) {
    return events.stream(LowStockAlertRaised.class).filter(e -> e.material().equals(m)).toList();
  }
}
