package com.tmallbridge.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of the ERP connector SPI, run by every connector (transaction-outbox style): a
 * test class per connector extends this, supplies the connector and, when needed, a way to set up
 * materials and a known warehouse. Tests of capabilities the connector lacks are skipped. All data
 * is tagged randomly per test, so the suite may run again and again against a long-lived ERP; it
 * never assumes an empty ERP. The sales order, stock and delivery tests come from {@link
 * SalesOrderContract}, {@link StockLedgerContract} and {@link DeliveryFeedContract}, the amendment
 * tests from {@link SalesOrderAmendmentContract}, the repeat / lost-response / two-node tests of
 * every write from {@link IdempotencyContract}, the voucher tests from {@link VoucherContract}; the delivery tests need {@link #shipInErp} overridden.
 */
public abstract class ErpConnectorContract
    implements SalesOrderContract, StockLedgerContract, DeliveryFeedContract, AfterSaleContract, SalesOrderAmendmentContract,
        IdempotencyContract, VoucherContract {
  private final ErpTestData data = new ErpTestData();

  /** The connector under test, ready to use; the same instance for every test is fine. */
  @Override
  public abstract ErpConnector connector();

  @Override
  public ErpTestData data() {
    return data;
  }

  /**
   * Makes the ERP hold these materials, active and saleable. The default upserts them through
   * {@link MaterialCatalog}; connectors without that capability override it.
   */
  @Override
  public void givenMaterials(List<Material> materials) {
    assumeTrue(connector() instanceof MaterialCatalog, "override givenMaterials: the connector has no MaterialCatalog");
    materials.forEach(((MaterialCatalog) connector())::upsertMaterial);
  }

  /** A warehouse the ERP knows; connectors with a {@link StockLedger} override it. */
  @Override
  public String stockWarehouse() {
    throw new UnsupportedOperationException("a connector with a StockLedger must override stockWarehouse()");
  }

  @Test
  void identifiesItselfWithAnIdForConfigurationAndADisplayName() {
    assertThat(connector().id()).matches("[a-z][a-z0-9-]*");
    assertThat(connector().displayName()).isNotBlank();
  }

  @Test
  void reportsHealthyWithADetailLine() {
    ErpConnector.Health health = connector().check();

    assertThat(health.ok()).as(health.detail()).isTrue();
    assertThat(health.detail()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void upsertedMaterialIsReportedAsExistingAndUnknownCodesAreNot() {
    MaterialCatalog catalog = capability(MaterialCatalog.class);
    MaterialCode known = data.materialCode();
    MaterialCode unknown = data.materialCode();

    catalog.upsertMaterial(data.material(known, 1990));

    assertThat(catalog.existing(List.of(known, unknown))).containsExactly(known);
    assertThat(catalog.existing(List.of())).isEmpty();
  }

  @Test
  void upsertingAMaterialAgainUpdatesItInsteadOfAddingASecond() {
    MaterialCatalog catalog = capability(MaterialCatalog.class);
    MaterialCode code = data.materialCode();
    Material renamed = new Material(code, "Renamed " + code.value(), "pcs", 2590);

    catalog.upsertMaterial(data.material(code, 1990));
    catalog.upsertMaterial(renamed);

    assertThat(catalog.find(List.of(code))).containsExactly(renamed);
  }

  @Test
  void aStandardCostIsKeptAndAnUpsertWithoutOneLeavesItAsItWas() {
    MaterialCatalog catalog = capability(MaterialCatalog.class);
    MaterialCode code = data.materialCode();
    catalog.upsertMaterial(data.material(code, 100));
    assertThat(catalog.find(List.of(code))).singleElement().satisfies(m -> assertThat(m.standardCostFen()).isNull());

    catalog.upsertMaterial(new Material(code, "with cost " + code.value(), "pcs", 100, 4250L));
    assertThat(catalog.find(List.of(code))).singleElement().satisfies(m -> assertThat(m.standardCostFen()).isEqualTo(4250L));
    catalog.upsertMaterial(data.material(code, 120));

    assertThat(catalog.find(List.of(code))).singleElement().satisfies(m -> {
      assertThat(m.salePriceFen()).isEqualTo(120);
      assertThat(m.standardCostFen()).isEqualTo(4250L);
    });
    catalog.upsertMaterial(new Material(code, "cheaper " + code.value(), "pcs", 120, 3999L));
    assertThat(catalog.find(List.of(code))).singleElement().satisfies(m -> assertThat(m.standardCostFen()).isEqualTo(3999L));
  }

  @Test
  void findReadsTheAskedMaterialsWhateverTheNumberOfCodes() {
    MaterialCatalog catalog = capability(MaterialCatalog.class);
    List<Material> known = List.of(data.material(data.materialCode(), 100), data.material(data.materialCode(), 200),
        data.material(data.materialCode(), 300));
    known.forEach(catalog::upsertMaterial);
    List<MaterialCode> asked = new ArrayList<>(known.stream().map(Material::code).toList());
    for (int i = 0; i < 1500; i++) {
      asked.add(data.materialCode());
    }

    assertThat(catalog.find(asked)).containsExactlyInAnyOrderElementsOf(known);
    assertThat(catalog.find(List.of())).isEmpty();
  }

  @Test
  void materialsArePagedInCodeOrder() {
    MaterialCatalog catalog = capability(MaterialCatalog.class);
    List<MaterialCode> mine = List.of(data.materialCode(), data.materialCode(), data.materialCode());
    mine.forEach(code -> catalog.upsertMaterial(data.material(code, 990)));

    List<MaterialCode> seen = new ArrayList<>();
    MaterialCode after = new MaterialCode("CT-" + data.tag());  // sorts just before this test's codes
    for (List<Material> page = catalog.materialsAfter(after, 2); !page.isEmpty() && seen.size() < 10;
        page = catalog.materialsAfter(after, 2)) {
      assertThat(page).hasSizeLessThanOrEqualTo(2);
      page.forEach(m -> seen.add(m.code()));
      after = page.get(page.size() - 1).code();
    }

    assertThat(seen).extracting(MaterialCode::value).isSorted().doesNotHaveDuplicates()
        .startsWith(mine.stream().map(MaterialCode::value).sorted().toArray(String[]::new));
    assertThat(catalog.materialsAfter(null, 1)).hasSize(1);
  }

  @Test
  void ensureCustomerReturnsTheSameNumberForTheSameBuyer() {
    CustomerSink customers = capability(CustomerSink.class);

    ErpDocNo first = customers.ensureCustomer(data.customer(1));
    ErpDocNo again = customers.ensureCustomer(data.customer(1));
    ErpDocNo other = customers.ensureCustomer(data.customer(2));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void concurrentEnsureCustomerForOneBuyerYieldsOneCustomer() throws Exception {
    CustomerSink customers = capability(CustomerSink.class);
    CustomerRecord buyer = data.customer(7);

    List<ErpDocNo> numbers = ErpContractFixture.concurrently(4, () -> customers.ensureCustomer(buyer));

    assertThat(Set.copyOf(numbers)).hasSize(1);
    assertThat(customers.ensureCustomer(buyer)).isEqualTo(numbers.get(0));
  }

  @Test
  void ensureCustomersGivesEachBuyerOnceTheNumberEnsureCustomerGives() {
    CustomerSink customers = capability(CustomerSink.class);
    ErpDocNo known = customers.ensureCustomer(data.customer(1));
    String first = data.customer(1).externalKey();
    String second = data.customer(2).externalKey();
    String third = data.customer(3).externalKey();

    Map<String, ErpDocNo> numbers =
        customers.ensureCustomers(List.of(data.customer(2), data.customer(1), data.customer(3), data.customer(2)));

    assertThat(numbers).containsOnlyKeys(first, second, third);
    assertThat(numbers.get(first)).isEqualTo(known);
    assertThat(Set.copyOf(numbers.values())).hasSize(3);
    assertThat(customers.ensureCustomer(data.customer(2))).isEqualTo(numbers.get(second));
    assertThat(customers.ensureCustomers(List.of(data.customer(3), data.customer(2)))).containsOnly(
        Map.entry(third, numbers.get(third)), Map.entry(second, numbers.get(second)));
    assertThat(customers.ensureCustomers(List.of())).isEmpty();
  }
}
