package com.tmallbridge.erp.embedded;

import static com.tmallbridge.erp.embedded.EmbeddedSalesOrderTests.assertPermanent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpTestData;
import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in ERP's stock ledger beyond the contract: warehouses, validation, negative stock. */
@DatabaseTest
class EmbeddedStockLedgerTests {
  @RegisterExtension static final MigratedDatabaseExtension DATABASE = new MigratedDatabaseExtension();

  private final ErpTestData data = new ErpTestData();
  private final EmbeddedErpConnector erp = DATABASE.get().connector(Clock.systemUTC());

  @BeforeAll
  static void addSecondWarehouse() {
    DATABASE.get().jdbc().sql("insert into erp_warehouse (code, name) values ('WH02', '退货仓')").update();
  }

  @Test
  void onHandIsKeptPerWarehouseInCodeOrderAndMayGoNegative() {
    MaterialCode material = material();

    erp.book("WH02", material, 4, "RETURN", ref("r1"));
    erp.book("WH01", material, 2, "RECEIPT", ref("r2"));
    erp.book("WH01", material, -5, "SALE", ref("r3"));

    assertThat(erp.onHand(material)).containsExactly(Map.entry("WH01", -3L), Map.entry("WH02", 4L));
  }

  @Test
  void deactivatedMaterialStillMoves() {
    MaterialCode material = material();
    DATABASE.get().jdbc().sql("update erp_material set active = false where code = :c").param("c", material.value()).update();

    erp.book("WH01", material, 1, "RECEIPT", ref("late-receipt"));

    assertThat(erp.onHand(material)).containsEntry("WH01", 1L);
  }

  @Test
  void moveIntoAnUnknownWarehouseIsRejected() {
    MaterialCode material = material();

    assertThatThrownBy(() -> erp.book("WH99", material, 1, "RECEIPT", ref("nowhere")))
        .satisfies(e -> assertPermanent(e, "EMBEDDED-006"))
        .hasMessageContaining("WH99");
    assertThat(erp.onHand(material)).isEmpty();
  }

  @Test
  void moveWithoutQuantityReasonOrReferenceIsRejected() {
    MaterialCode material = material();

    assertThatThrownBy(() -> erp.book("WH01", material, 0, "RECEIPT", ref("zero"))).satisfies(e -> assertPermanent(e, "EMBEDDED-006"));
    assertThatThrownBy(() -> erp.book("WH01", material, 1, " ", ref("no-reason"))).satisfies(e -> assertPermanent(e, "EMBEDDED-006"));
    assertThatThrownBy(() -> erp.book("WH01", material, 1, "RECEIPT", "")).satisfies(e -> assertPermanent(e, "EMBEDDED-006"));
    assertThat(erp.onHand(material)).isEmpty();
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
