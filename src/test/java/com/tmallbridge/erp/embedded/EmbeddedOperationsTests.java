package com.tmallbridge.erp.embedded;

import static com.tmallbridge.erp.embedded.EmbeddedSalesOrderTests.assertPermanent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Receipts, adjustments, stocktakes and warehouses of the built-in ERP, and its feed cursors. */
@DatabaseTest
class EmbeddedOperationsTests {
  @RegisterExtension static final MigratedDatabaseExtension DATABASE = new MigratedDatabaseExtension();

  private final ErpTestData data = new ErpTestData();
  private final EmbeddedErpConnector erp = DATABASE.get().connector(Clock.systemUTC());
  private final EmbeddedErpOperations ops = erp.operations();

  @Test
  void receivesAndAdjustsStockOncePerReference() {
    MaterialCode material = material();

    ops.receive("WH01", material, 10, ref("in"));
    ops.receive("WH01", material, 10, ref("in"));
    ops.adjust("WH01", material, -3, ref("broken"));

    assertThat(erp.onHand(material)).containsEntry("WH01", 7L);
    assertThat(DATABASE.get().jdbc().sql("select reason from erp_stock_move where reference = :r").param("r", ref("broken"))
        .query(String.class).single()).isEqualTo("ADJUSTMENT");
  }

  @Test
  void refusesAReceiptOfNothingAndAZeroAdjustment() {
    MaterialCode material = material();

    assertThatThrownBy(() -> ops.receive("WH01", material, 0, ref("none"))).satisfies(e -> assertPermanent(e, "EMBEDDED-006"));
    assertThatThrownBy(() -> ops.receive("WH01", material, -2, ref("neg"))).satisfies(e -> assertPermanent(e, "EMBEDDED-006"));
    assertThatThrownBy(() -> ops.adjust("WH01", material, 0, ref("zero"))).satisfies(e -> assertPermanent(e, "EMBEDDED-006"));
    assertThat(erp.onHand(material)).isEmpty();
  }

  @Test
  void stocktakeBooksTheDifferenceToTheCountedQuantity() {
    MaterialCode material = material();
    ops.receive("WH01", material, 10, ref("in"));

    long less = ops.stocktake("WH01", material, 6, ref("count-1"));
    long same = ops.stocktake("WH01", material, 6, ref("count-2"));
    long repeated = ops.stocktake("WH01", material, 2, ref("count-1"));

    assertThat(less).isEqualTo(-4);
    assertThat(same).isZero();
    assertThat(repeated).isZero();
    assertThat(erp.onHand(material)).containsEntry("WH01", 6L);
    assertThatThrownBy(() -> ops.stocktake("WH01", material, -1, ref("bad"))).satisfies(e -> assertPermanent(e, "EMBEDDED-006"));
    assertThatThrownBy(() -> ops.stocktake("WH77", material, 1, ref("bad2"))).satisfies(e -> assertPermanent(e, "EMBEDDED-006"));
  }

  @Test
  void addsAndRenamesWarehousesThatThenTakeStock() {
    String code = "W" + data.tag();
    MaterialCode material = material();

    ops.addWarehouse(code, "华东仓");
    ops.addWarehouse(code, "华东二仓");
    ops.receive(code, material, 2, ref("east"));

    assertThat(erp.warehouses()).contains("WH01", code).isSorted();
    assertThat(DATABASE.get().jdbc().sql("select name from erp_warehouse where code = :c").param("c", code)
        .query(String.class).single()).isEqualTo("华东二仓");
    assertThat(erp.onHand(material)).containsEntry(code, 2L);
    assertThatThrownBy(() -> ops.addWarehouse(" ", "x")).satisfies(e -> assertPermanent(e, "EMBEDDED-010"));
    assertThatThrownBy(() -> ops.addWarehouse("X".repeat(33), "x")).satisfies(e -> assertPermanent(e, "EMBEDDED-010"));
  }

  @Test
  void aRepeatedBookingIsNotReportedAsAChange() {
    MaterialCode material = material();
    ops.receive("WH01", material, 3, ref("once"));
    String cursor = erp.changesAfter("", Integer.MAX_VALUE - 1).cursor();

    ops.receive("WH01", material, 3, ref("once"));

    assertThat(erp.changesAfter(cursor, 100).materials()).doesNotContain(material);
  }

  @Test
  void refusesCursorsItDidNotHandOut() {
    assertThatThrownBy(() -> erp.deliveriesAfter("abc", 10)).satisfies(e -> assertPermanent(e, "EMBEDDED-011"));
    assertThatThrownBy(() -> erp.changesAfter("-5", 10)).satisfies(e -> assertPermanent(e, "EMBEDDED-011"));
    assertThatThrownBy(() -> erp.deliveriesAfter("", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private MaterialCode material() {
    MaterialCode code = data.materialCode();
    erp.upsertMaterial(data.material(code, 100));
    return code;
  }

  private String ref(String name) {
    return data.tag() + "-" + name;
  }
}
