package com.tmallbridge.order;

import static com.tmallbridge.order.TestTrades.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.product.Combo;
import com.tmallbridge.product.Component;
import com.tmallbridge.product.GiftRule;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing paid trades with combo SKUs and gift rules: stored lines, exact money, idempotency. */
@SpringBootTest
@CleanDatabase
class ComboGiftImportTests extends SpringDatabaseTestBase {
  @Autowired TradeImporter importer;
  @Autowired ProductManagement products;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired JdbcClient jdbc;

  private Shop shop;

  record StoredLine(String oid, String material, int quantity, long amountFen, long priceFen) {}

  @BeforeEach
  void seed() {
    shop = shops.add(new ShopRegistration("C1", "组合店", "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5",
        TestTrades.CREATED.minusSeconds(3600)));
    MaterialCatalog catalog = erp.capability(MaterialCatalog.class);
    catalog.upsertMaterial(new Material(new MaterialCode("CUP"), "cup", "pcs", 3_000));
    catalog.upsertMaterial(new Material(new MaterialCode("LID"), "lid", "pcs", 500));
    catalog.upsertMaterial(new Material(new MaterialCode("BAG"), "bag", "pcs", 0));
    catalog.upsertMaterial(new Material(new MaterialCode("PLAIN"), "plain", "pcs", 1_000));
    products.setCombo(new Combo("SET-1", List.of(new Component(new MaterialCode("CUP"), 1), new Component(new MaterialCode("LID"), 2))));
    products.addGiftRule(new GiftRule(0, shop.id(), GiftRule.Trigger.MATERIAL, null, null, "LID", 10_000,
        TestTrades.CREATED.minusSeconds(60), TestTrades.CREATED.plusSeconds(86_400), new MaterialCode("BAG"), 1, false, true));
  }

  private List<StoredLine> lines(String tid) {
    return jdbc.sql("select oid, material_code, quantity, amount_fen, price_fen from order_line where shop_id = ? and tid = ? order by line_no")
        .params(shop.id().value(), tid)
        .query((rs, n) -> new StoredLine(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5))).list();
  }

  private long outboxMessages() {
    return jdbc.sql("select count(*) from sync_outbox").query(Long.class).single();
  }

  @Test
  void expandsComboSubOrdersIntoComponentLinesAndAddsTheGiftOnce() {
    ChannelTrade trade = TestTrades.paid("5001", 15_800, 800,
        List.of(line("1", "SET-1", 2, 4_000, 8_000, null), line("2", "PLAIN", 7, 1_000, 7_000, null)));

    importer.importPage(shop, List.of(trade));
    importer.importPage(shop, List.of(trade));
    ChannelTrade later = TestTrades.trade("5001", "WAIT_BUYER_CONFIRM_GOODS", trade.payTime(), 15_800, 800, trade.lines(),
        trade.modified().plusSeconds(600));
    importer.importPage(shop, List.of(later));

    // SET-1 x2 for 80.00: cup 2 x 30.00 and lid 4 x 5.00 weigh 3000:1000 -> 60.00 + 20.00
    assertThat(lines("5001")).containsExactly(
        new StoredLine("1", "CUP", 2, 6_000, 3_000),
        new StoredLine("1#2", "LID", 4, 2_000, 500),
        new StoredLine("2", "PLAIN", 7, 7_000, 1_000),
        new StoredLine("gift-" + products.giftRules().get(0).id(), "BAG", 1, 0, 0));
    assertThat(lines("5001").stream().mapToLong(StoredLine::amountFen).sum() + 800).isEqualTo(15_800);
    assertThat(outboxMessages()).isEqualTo(1);
  }

  @Test
  void givesNoGiftBelowTheThresholdOrOutsideTheWindowOrWithoutTheTrigger() {
    importer.importPage(shop, List.of(TestTrades.paid("5002", 9_999, 0, List.of(line("1", "SET-1", 1, 9_999, 9_999, null)))));
    importer.importPage(shop, List.of(TestTrades.paid("5003", 20_000, 0, List.of(line("1", "PLAIN", 20, 1_000, 20_000, null)))));
    Instant afterWindow = TestTrades.CREATED.plusSeconds(90_000);
    importer.importPage(shop, List.of(TestTrades.trade("5004", "WAIT_SELLER_SEND_GOODS", afterWindow, 20_000, 0,
        List.of(line("1", "SET-1", 1, 20_000, 20_000, null)), afterWindow)));

    assertThat(lines("5002")).extracting(StoredLine::material).containsExactly("CUP", "LID");
    assertThat(lines("5003")).extracting(StoredLine::material).containsExactly("PLAIN");
    assertThat(lines("5004")).extracting(StoredLine::material).containsExactly("CUP", "LID");
  }

  @Test
  void holdsATradeWhoseComboLacksAComponentInTheErp() {
    jdbc.sql("insert into product_combo (code, material_code, quantity, created_at) values ('SET-GONE', 'NOPE', 1, current_timestamp)").update();

    importer.importPage(shop, List.of(TestTrades.paid("5005", 1_000, 0, List.of(line("1", "SET-GONE", 1, 1_000, 1_000, null)))));

    assertThat(lines("5005")).isEmpty();
    assertThat(jdbc.sql("select message from order_exception where tid = '5005'").query(String.class).single())
        .contains("SET-GONE").contains("NOPE");
  }
}
