package com.tmallbridge.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code products match} against the Tmall sandbox and the built-in ERP: precedence, report, fixes, listings. */
@SpringBootTest
@CleanDatabase
class ProductMatchIntegrationTests extends SpringDatabaseTestBase {
  @Autowired ProductManagement products;
  @Autowired Listings listings;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired JdbcClient jdbc;

  private TmallSandbox sandbox;
  private Shop shop;
  private final List<SkuRow> skus = new ArrayList<>();

  /** An on-sale SKU of the sandbox (skuId "" for items without SKUs) with its own merchant code. */
  record SkuRow(String numIid, String skuId, String outerId, long priceFen) {}

  @BeforeEach
  void start() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(11));
    var c = sandbox.credentials();
    shop = shops.add(new ShopRegistration("P1", "商品店", sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        sandbox.clock().instant().minus(Duration.ofHours(1))));
    for (SandboxItem item : sandbox.items().stream().filter(SandboxItem::onSale).toList()) {
      if (item.skus().isEmpty()) {
        skus.add(new SkuRow(Long.toString(item.numIid()), "", item.outerId(), item.priceFen()));
      }
      for (SandboxSku s : item.skus()) {
        skus.add(new SkuRow(Long.toString(item.numIid()), Long.toString(s.skuId()), s.outerId(), s.priceFen()));
      }
    }
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private MaterialCatalog catalog() {
    return erp.capability(MaterialCatalog.class);
  }

  private void material(String code, long priceFen) {
    catalog().upsertMaterial(new Material(new MaterialCode(code), "m " + code, "pcs", priceFen));
  }

  private List<SkuRow> withCode() {
    return skus.stream().filter(s -> s.outerId() != null).toList();
  }

  @Test
  void matchesEverySkuOnSaleWithMappingFirstThenComboThenMerchantCode() {
    List<SkuRow> coded = withCode();
    SkuRow mapped = coded.get(0);
    SkuRow comboSku = coded.get(1);
    SkuRow plain = coded.get(2);
    coded.stream().filter(s -> s != comboSku).forEach(s -> material(s.outerId(), s.priceFen()));
    material("HAND-1", 100);
    material("PART-A", 1_000);
    material("PART-B", 500);
    products.setCombo(new Combo(comboSku.outerId(), List.of(new Component(new MaterialCode("PART-A"), 1), new Component(new MaterialCode("PART-B"), 2))));
    products.putMapping(shop.id(), mapped.numIid(), mapped.skuId(), "HAND-1");
    List<MaterialCode> progress = new ArrayList<>();

    MatchResult result = products.match(shop.id(), (phase, done, total) -> progress.add(new MaterialCode(phase)));

    assertThat(result.listings()).isEqualTo(skus.size());
    assertThat(result.items()).isEqualTo((int) sandbox.items().stream().filter(SandboxItem::onSale).count());
    assertThat(result.matched()).isEqualTo(coded.size());
    assertThat(progress).extracting(MaterialCode::value).contains("listing items on sale", "reading SKUs", "matching");
    Map<String, Listing> byKey = listings.ofShop(shop.id()).stream().collect(Collectors.toMap(l -> l.numIid() + "|" + l.skuId(), l -> l));
    assertThat(byKey).hasSize(skus.size());
    assertThat(byKey.get(mapped.numIid() + "|" + mapped.skuId()).components()).containsExactly(new Component(new MaterialCode("HAND-1"), 1));
    Listing combo = byKey.get(comboSku.numIid() + "|" + comboSku.skuId());
    assertThat(combo.combo()).isTrue();
    assertThat(combo.components()).containsExactly(new Component(new MaterialCode("PART-A"), 1), new Component(new MaterialCode("PART-B"), 2));
    assertThat(byKey.get(plain.numIid() + "|" + plain.skuId()).components()).containsExactly(new Component(new MaterialCode(plain.outerId()), 1));
    assertThat(listings.using(List.of(new MaterialCode("PART-B")))).extracting(Listing::numIid).containsExactly(comboSku.numIid());
    assertThat(products.listings(shop.id())).filteredOn(l -> l.matchCode() != null && l.matchCode().equals("HAND-1"))
        .singleElement().satisfies(l -> assertThat(l.matchSource()).isEqualTo(MatchSource.MAPPING));
    // each listing keeps its item's Tmall category, which the sales report by category groups by
    Map<String, Long> cids = sandbox.items().stream().filter(SandboxItem::onSale)
        .collect(Collectors.toMap(i -> Long.toString(i.numIid()), SandboxItem::cid));
    assertThat(jdbc.sql("select num_iid, cid from product_listing where shop_id = ?").param(shop.id().value())
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
        .hasSize(skus.size()).allSatisfy(e -> assertThat(e.getValue()).isPositive().isEqualTo(cids.get(e.getKey())));
    // and the categories' names, with their path from Tmall's top level, for the report's name column
    assertThat(result.categoriesNamed()).isEqualTo(new java.util.HashSet<>(cids.values()).size());
    assertThat(result.categoryProblem()).isNull();
    assertThat(progress).extracting(MaterialCode::value).contains("naming categories");
    Map<Long, String> paths = jdbc.sql("select cid, path from product_category")
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(paths.keySet()).containsAll(cids.values());
    if (cids.containsValue(50010850L)) {
      assertThat(paths.get(50010850L)).isEqualTo("女装/女士精品 > 连衣裙");
    }
    assertThat(paths.values()).allSatisfy(p -> assertThat(p).contains(" > "));
    // names read less than 30 days ago are not read again
    assertThat(products.match(shop.id(), MatchProgress.NONE).categoriesNamed()).isZero();
  }

  @Test
  void listingsAreStoredWhenTheCategoryNamesCannotBeReadAndTheNextMatchNamesThem() {
    sandbox.faults(sandbox.faults().withMethodErrorRate("taobao.itemcats.get", 1.0));

    MatchResult failed = products.match(shop.id(), MatchProgress.NONE);

    assertThat(failed.listings()).isEqualTo(skus.size());
    assertThat(listings.ofShop(shop.id())).hasSize(skus.size());
    assertThat(failed.categoriesNamed()).isZero();
    assertThat(failed.categoryProblem()).isNotBlank();
    assertThat(jdbc.sql("select count(*) from product_category").query(Long.class).single()).isZero();

    sandbox.faults(sandbox.faults().withMethodErrorRate("taobao.itemcats.get", 0.0));
    MatchResult next = products.match(shop.id(), MatchProgress.NONE);
    assertThat(next.categoryProblem()).isNull();
    assertThat(next.categoriesNamed()).isPositive();
  }

  @Test
  void reportsEachCategoryWithAdviceAndTheFixesClearThem() {
    List<SkuRow> coded = withCode();
    SkuRow unknown = coded.get(0);
    SkuRow pricey = coded.get(1);
    coded.stream().filter(s -> s != unknown).forEach(s -> material(s.outerId(), s == pricey ? s.priceFen() * 2 : s.priceFen()));
    jdbc.sql("insert into product_combo (code, material_code, quantity, created_at) values ('BROKEN-SET', 'GONE-1', 1, current_timestamp)").update();
    jdbc.sql("""
        insert into product_listing (shop_id, num_iid, sku_id, title, price_fen, quantity, on_sale, read_at)
        values (?, '999', '', 'sold out long ago', 100, 0, true, current_timestamp)""").params(shop.id().value()).update();

    MatchResult result = products.match(shop.id(), MatchProgress.NONE);
    MismatchReport report = products.report(shop.id(), BigDecimal.ZERO);

    assertThat(result.goneFromSale()).isEqualTo(1);
    assertThat(listings.ofShop(shop.id())).noneMatch(l -> l.numIid().equals("999"));
    Map<Mismatch.Category, Integer> counts = report.counts();
    long noCode = skus.stream().filter(s -> s.outerId() == null).count();
    long duplicated = coded.stream().collect(Collectors.groupingBy(SkuRow::outerId, Collectors.counting())).values().stream()
        .filter(n -> n > 1).mapToLong(Long::longValue).sum();
    long sameCodeAsUnknown = coded.stream().filter(s -> s.outerId().equals(unknown.outerId())).count();
    long sameCodeAsPricey = coded.stream().filter(s -> s.outerId().equals(pricey.outerId())).count();
    assertThat(counts.get(Mismatch.Category.NO_OUTER_ID)).isEqualTo((int) noCode);
    assertThat(counts.get(Mismatch.Category.DUPLICATE_OUTER_ID)).isEqualTo((int) duplicated);
    assertThat(counts.get(Mismatch.Category.UNKNOWN_CODE)).isEqualTo((int) sameCodeAsUnknown);
    assertThat(counts.get(Mismatch.Category.PRICE_DIFFERS)).isGreaterThanOrEqualTo((int) sameCodeAsPricey);
    assertThat(counts.get(Mismatch.Category.COMBO_COMPONENT_MISSING)).isEqualTo(1);
    assertThat(report.lines()).allSatisfy(l -> {
      assertThat(l.problem()).isNotBlank();
      assertThat(l.advice()).isNotBlank();
    });
    assertThat(report.lines()).filteredOn(l -> l.category() == Mismatch.Category.UNKNOWN_CODE).first()
        .satisfies(l -> assertThat(l.advice()).contains("create-materials").contains("cannot write merchant codes"));
    StringBuilder csv = new StringBuilder();
    report.writeCsv(csv);
    assertThat(csv.toString().split("\r\n")).hasSize(report.lines().size() + 1);
    assertThat(products.report(shop.id(), new BigDecimal("200")).counts().get(Mismatch.Category.PRICE_DIFFERS)).isZero();

    BatchOutcome dry = products.createMissingMaterials(shop.id(), true);
    assertThat(dry.lines()).singleElement().satisfies(line -> assertThat(line).startsWith("would create " + unknown.outerId()));
    assertThat(catalog().existing(List.of(new MaterialCode(unknown.outerId())))).isEmpty();
    products.createMissingMaterials(shop.id(), false);
    assertThat(catalog().find(List.of(new MaterialCode(unknown.outerId()))))
        .singleElement().satisfies(m -> assertThat(m.salePriceFen()).isEqualTo(unknown.priceFen()));
    assertThat(products.report(shop.id(), BigDecimal.ZERO).counts().get(Mismatch.Category.UNKNOWN_CODE)).isZero();
  }

  @Test
  void appliesGoodCsvRowsReportsBadOnesAndMapsByHandWithChecks() {
    material("HAND-2", 100);
    products.match(shop.id(), MatchProgress.NONE);
    SkuRow target = skus.get(0);
    String csv = "num_iid,sku_id,material\n" + target.numIid() + "," + target.skuId() + ",HAND-2\nabc,,X\n" + target.numIid() + ",1\n";

    BatchOutcome outcome = products.importMappings(shop.id(), new StringReader(csv));

    assertThat(outcome.applied()).isEqualTo(1);
    assertThat(outcome.failed()).isEqualTo(2);
    assertThat(outcome.lines()).anyMatch(l -> l.startsWith("line 3: refused")).anyMatch(l -> l.startsWith("line 4: refused"));
    assertThat(listings.ofShop(shop.id())).filteredOn(l -> l.numIid().equals(target.numIid()) && l.skuId().equals(target.skuId()))
        .singleElement().satisfies(l -> assertThat(l.components()).containsExactly(new Component(new MaterialCode("HAND-2"), 1)));
    assertThatThrownBy(() -> products.map(shop.id(), target.numIid(), target.skuId(), "NO-SUCH-COMBO", true))
        .isInstanceOf(InvalidProductInputException.class).hasMessageContaining("PRODUCT-003");
    SkuMatch missing = products.map(shop.id(), target.numIid(), target.skuId(), "NOT-IN-ERP", false);
    assertThat(missing.matched()).isFalse();
    assertThat(missing.problem()).contains("NOT-IN-ERP").contains("does not have");
  }

  @Test
  void refusesInvalidCombos() {
    material("A", 100);
    material("B", 100);
    products.setCombo(new Combo("SET-AB", List.of(new Component(new MaterialCode("A"), 1), new Component(new MaterialCode("B"), 1))));

    assertThatThrownBy(() -> products.setCombo(new Combo("SET-X", List.of(new Component(new MaterialCode("SET-AB"), 1)))))
        .isInstanceOf(InvalidProductInputException.class).hasMessageContaining("no combo inside a combo");
    assertThatThrownBy(() -> products.setCombo(new Combo("A", List.of(new Component(new MaterialCode("B"), 1)))))
        .isInstanceOf(InvalidProductInputException.class).hasMessageContaining("component of the combo");
    assertThatThrownBy(() -> products.setCombo(new Combo("SET-M", List.of(new Component(new MaterialCode("MISSING"), 1)))))
        .isInstanceOf(InvalidProductInputException.class).hasMessageContaining("PRODUCT-001");
    assertThatThrownBy(() -> products.setCombo(new Combo("SET-D", List.of(new Component(new MaterialCode("A"), 1), new Component(new MaterialCode("A"), 2)))))
        .isInstanceOf(InvalidProductInputException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> products.setCombo(new Combo("SET-E", List.of())))
        .isInstanceOf(InvalidProductInputException.class);
    assertThat(products.combos()).extracting(Combo::code).containsExactly("SET-AB");
  }
}
