package com.tmallbridge.erp.embedded;

import com.tmallbridge.testsupport.MutableClock;

import static com.tmallbridge.erp.ErpTestData.line;
import static com.tmallbridge.erp.embedded.EmbeddedSalesOrderTests.assertPermanent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.Material;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Materials in the built-in ERP: deactivated ones are absent for sales, and the short-lived cache
 * of saleable codes never lets a rolled-back upsert or an expired entry through.
 */
@DatabaseTest
class EmbeddedMaterialTests {
  private static final Duration TTL = Duration.ofSeconds(60);
  @RegisterExtension static final MigratedDatabaseExtension DATABASE = new MigratedDatabaseExtension();

  private final ErpTestData data = new ErpTestData();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-11-11T00:00:00Z"));
  private final EmbeddedErpConnector erp =
      DATABASE.get().connector(clock, new EmbeddedErpProperties(ZoneId.of("Asia/Shanghai"), TTL));

  @Test
  void deactivatedMaterialIsNeitherListedNorExistingUntilUpsertedAgain() {
    MaterialCode code = material();

    deactivate(code);

    assertThat(erp.existing(List.of(code))).isEmpty();
    assertThat(erp.find(List.of(code))).isEmpty();
    assertThat(erp.materialsAfter(null, 100_000)).extracting(m -> m.code()).doesNotContain(code);
    erp.upsertMaterial(data.material(code, 100));
    assertThat(erp.existing(List.of(code))).containsExactly(code);
  }

  /** Kept, changed and left as it was: the connector contract; here the listing and the refusal of a negative cost. */
  @Test
  void theListingCarriesTheStandardCostAndANegativeCostIsRefused() {
    MaterialCode code = material();
    erp.upsertMaterial(new Material(code, "with cost", "pcs", 100, 4250L));

    assertThat(erp.materialsAfter(null, 100_000)).filteredOn(m -> m.code().equals(code)).singleElement()
        .satisfies(m -> assertThat(m.standardCostFen()).isEqualTo(4250L));
    assertThatThrownBy(() -> new Material(code, "x", "pcs", 1, -1L)).hasMessageContaining("cannot be negative");
  }

  @Test
  void materialsAreListedInCodeOrder() {
    List<MaterialCode> codes = IntStream.range(0, 3).mapToObj(i -> material()).toList();

    assertThat(erp.materialsAfter(null, 100_000)).extracting(m -> m.code().value()).isSorted().containsSubsequence(
        codes.stream().map(MaterialCode::value).sorted().toList());
  }

  @Test
  void existingAnswersForMoreCodesThanOneStatementTakes() {
    MaterialCode known = material();
    List<MaterialCode> asked = IntStream.range(0, 2500).mapToObj(i -> new MaterialCode("NONE-" + data.tag() + "-" + i)).toList();

    assertThat(erp.existing(concat(asked, known))).containsExactly(known);
  }

  @Test
  void cacheTrustsASaleableMaterialUntilItsEntryExpires() {
    MaterialCode code = material();
    create(code);
    deactivate(code);

    clock.advance(TTL.minusSeconds(1));

    assertThat(create(code).value()).startsWith("SO");
  }

  @Test
  void deactivatedMaterialIsRejectedOnceItsCacheEntryExpired() {
    MaterialCode code = material();
    create(code);
    deactivate(code);

    clock.advance(TTL.plusSeconds(1));

    assertThatThrownBy(() -> create(code)).satisfies(e -> assertPermanent(e, "EMBEDDED-001")).hasMessageContaining(code.value());
  }

  @Test
  void orderCreatedBeforeItsMaterialWasDeactivatedIsStillFoundOnRepeat() {
    MaterialCode code = material();
    SalesOrder order = orderOf(code);
    ErpDocNo first = erp.createSalesOrder(order, erp.ensureCustomer(order.customer()));
    deactivate(code);
    clock.advance(TTL.plusSeconds(1));

    assertThat(erp.createSalesOrder(order, erp.ensureCustomer(order.customer()))).isEqualTo(first);
  }

  @Test
  void materialUpsertedInARolledBackTransactionIsNotRememberedAsSaleable() {
    MaterialCode code = data.materialCode();
    DATABASE.get().transaction().executeWithoutResult(status -> {
      erp.upsertMaterial(data.material(code, 100));
      create(code);
      status.setRollbackOnly();
    });

    assertThatThrownBy(() -> create(code)).satisfies(e -> assertPermanent(e, "EMBEDDED-001"));
  }

  @Test
  void cacheOffChecksTheDatabaseForEveryOrder() {
    EmbeddedErpConnector uncached = DATABASE.get().connector(clock, new EmbeddedErpProperties(ZoneId.of("Asia/Shanghai"), Duration.ZERO));
    MaterialCode code = material();
    SalesOrder first = orderOf(code);
    uncached.createSalesOrder(first, uncached.ensureCustomer(first.customer()));
    deactivate(code);

    SalesOrder second = orderOf(code);
    assertThatThrownBy(() -> uncached.createSalesOrder(second, uncached.ensureCustomer(second.customer())))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-001"));
  }

  private MaterialCode material() {
    MaterialCode code = data.materialCode();
    erp.upsertMaterial(data.material(code, 100));
    return code;
  }

  private ErpDocNo create(MaterialCode code) {
    SalesOrder order = orderOf(code);
    return erp.createSalesOrder(order, erp.ensureCustomer(order.customer()));
  }

  private SalesOrder orderOf(MaterialCode code) {
    return data.order(data.shopCode(), data.orderNo(), 0, List.of(line(1, code, 1, 100)));
  }

  private static void deactivate(MaterialCode code) {
    DATABASE.get().jdbc().sql("update erp_material set active = false where code = :c").param("c", code.value()).update();
  }

  private static List<MaterialCode> concat(List<MaterialCode> many, MaterialCode one) {
    return java.util.stream.Stream.concat(many.stream(), java.util.stream.Stream.of(one)).toList();
  }
}
