package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.secret.FieldCipher;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.sync.OutboxMessage;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link SalesOrderExportHandler} delivering a group of messages in one call against one at a
 * time, through the built-in ERP, on H2 and PostgreSQL: the same ERP rows and trade states, a
 * redelivery that creates nothing, a poisoned message that fails alone, and a trade's create and
 * cancel in order within and across groups.
 */
@SpringBootTest
@CleanDatabase
class SalesOrderBatchExportIntegrationTests extends SpringDatabaseTestBase {
  @Autowired TradeImporter importer;
  @Autowired OrderSync sync;
  @Autowired ShopManagement shops;
  @Autowired ErpRegistry erp;
  @Autowired EmbeddedErpOperations warehouse;
  @Autowired SalesOrderExportHandler handler;
  @Autowired JdbcClient jdbc;
  @Autowired FieldCipher cipher;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void materials() {
    for (String code : List.of("BT-A", "BT-B")) {
      erp.capability(MaterialCatalog.class).upsertMaterial(new Material(new MaterialCode(code), code, "pcs", 1_000));
      warehouse.receive("WH01", new MaterialCode(code), 100, "bt-receipt-" + UUID.randomUUID());
    }
  }

  private Shop shop(String code) {
    return shops.add(new ShopRegistration(code, "批量店 " + code, "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5", null));
  }

  /** A trade of buyer {@code buyer} (unique per shop) at second {@code second}; lines of (material, quantity) at 10.00 yuan a unit. */
  private static ChannelTrade trade(Shop shop, String tid, String status, int second, String buyer, long postFeeFen, Object... lines) {
    List<ChannelTradeLine> channelLines = new java.util.ArrayList<>();
    long payment = postFeeFen;
    for (int i = 0; i < lines.length; i += 2) {
      int quantity = (Integer) lines[i + 1];
      channelLines.add(TestTrades.line(tid + (i / 2 + 1), (String) lines[i], quantity, 1_000, 1_000L * quantity, null));
      payment += 1_000L * quantity;
    }
    return new ChannelTrade(tid, status, "fixed", TestTrades.CREATED, TestTrades.CREATED.plusSeconds(second),
        TestTrades.CREATED.plusSeconds(60), payment, postFeeFen, payment, 0, 0, "b**" + buyer, "uid-" + shop.code() + "-" + buyer,
        "屈**", "138****1234", null, "浙江省", "杭州市", "西湖区", "文三路***号", "310000", "请尽快发货", null, 0, channelLines,
        "{\"tid\":" + tid + "}");
  }

  /** Five trades: two of one buyer, one of two lines with a post fee, one closed after payment in the same page. */
  private List<ChannelTrade> page(Shop shop) {
    return List.of(
        trade(shop, "81001", "WAIT_SELLER_SEND_GOODS", 100, "u1", 0, "BT-A", 2),
        trade(shop, "81002", "WAIT_SELLER_SEND_GOODS", 100, "u2", 500, "BT-A", 1, "BT-B", 2),
        trade(shop, "81003", "WAIT_SELLER_SEND_GOODS", 100, "u1", 0, "BT-B", 1),
        trade(shop, "81004", "TRADE_CLOSED", 100, "u3", 0, "BT-A", 1),
        trade(shop, "81005", "WAIT_SELLER_SEND_GOODS", 100, "u4", 0, "BT-B", 3));
  }

  private List<OutboxMessage> createMessages(Shop shop) {
    return jdbc.sql("""
            select id, aggregate_type, aggregate_id, message_type, payload, idempotency_key, attempts, created_at
              from sync_outbox where message_type = ? and aggregate_id like ? order by seq""")
        .params(OrderMessages.CREATE_SALES_ORDER, shop.id().value() + ":%")
        .query((rs, n) -> new OutboxMessage(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
            cipher.open(rs.getString(5), "sync_outbox.payload"), rs.getString(6), rs.getInt(7), rs.getObject(8, OffsetDateTime.class).toInstant()))
        .list();
  }

  /** The shop's ERP orders with customer and lines, one text per line, without document numbers or the shop's own marks. */
  private List<String> erpRows(Shop shop) {
    return jdbc.sql("""
            select o.channel_order_no, c.external_key, c.name, c.province, o.status, o.post_fee_fen, o.total_fen,
                   o.receiver_name, o.receiver_address, o.buyer_message, l.line_no, l.external_line_id, l.material,
                   l.quantity, l.list_price_fen, l.amount_fen, l.title
              from erp_sales_order o join erp_customer c on c.customer_no = o.customer_no
              join erp_sales_order_line l on l.doc_no = o.doc_no
             where o.shop_code = ? order by o.channel_order_no, l.line_no""")
        .param(shop.code())
        .query((rs, n) -> {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= 17; i++) {
            String value = rs.getString(i);
            row.append(i == 3 ? cipher.open(value, "erp_customer.name")
                : i == 8 ? cipher.open(value, "erp_sales_order.receiver_name")
                : i == 9 ? cipher.open(value, "erp_sales_order.receiver_address") : value).append('|');
          }
          return row.toString().replace(shop.code(), "SHOP");
        })
        .list();
  }

  private List<String> tradeStates(Shop shop) {
    return jdbc.sql("select tid, state, erp_amount_fen, exception_code, erp_order_no is not null from order_trade where shop_id = ? order by tid")
        .param(shop.id().value())
        .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getBoolean(5))
        .list();
  }

  private Map<String, String> docNos(Shop shop) {
    return jdbc.sql("select channel_order_no, doc_no from erp_sales_order where shop_code = ?").param(shop.code())
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private Map<String, String> statusesOf(Shop shop, String messageType) {
    return jdbc.sql("select aggregate_id, status from sync_outbox where message_type = ? and aggregate_id like ?")
        .params(messageType, shop.id().value() + ":%")
        .query((rs, n) -> Map.entry(rs.getString(1).substring(rs.getString(1).indexOf(':') + 1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void aGroupCreatesTheSameErpRowsAndTradeStatesAsOneMessageAtATimeAndARedeliveryCreatesNothing() {
    Shop grouped = shop("BA");
    Shop single = shop("BB");
    importer.importPage(grouped, page(grouped));
    importer.importPage(single, page(single));
    TransactionTemplate tx = new TransactionTemplate(transactions);

    tx.executeWithoutResult(s -> handler.handleAll(createMessages(grouped)));
    for (OutboxMessage m : createMessages(single)) {
      tx.executeWithoutResult(s -> handler.handle(m));
    }

    assertThat(erpRows(grouped)).hasSize(5).isEqualTo(erpRows(single));
    assertThat(docNos(grouped)).containsOnlyKeys("81001", "81002", "81003", "81005");
    assertThat(jdbc.sql("select count(distinct customer_no) from erp_sales_order where shop_code = ?").param("BA").query(Long.class).single())
        .isEqualTo(3);
    assertThat(tradeStates(grouped)).isEqualTo(tradeStates(single)).contains("81001|EXPORTED|2000|null|true");

    // the messages are still due: the dispatcher delivers them again, in groups, after a "lost" commit
    Map<String, String> before = docNos(grouped);
    sync.drain();

    assertThat(docNos(grouped)).isEqualTo(before);
    assertThat(erpRows(grouped)).isEqualTo(erpRows(single)).hasSize(5);
    assertThat(tradeStates(grouped)).isEqualTo(tradeStates(single));
    assertThat(statusesOf(grouped, OrderMessages.CREATE_SALES_ORDER)).hasSize(5).allSatisfy((tid, status) -> assertThat(status).isEqualTo("DONE"));
  }

  @Test
  void aMessageTheErpRejectsFailsAloneAndTheRestOfItsGroupIsExported() {
    Shop shop = shop("BP");
    importer.importPage(shop, page(shop));
    // the payload is sealed: open, edit, seal again
    String sealed = jdbc.sql("select payload from sync_outbox where aggregate_id = ? and message_type = ?")
        .params(shop.id().value() + ":81002", OrderMessages.CREATE_SALES_ORDER).query(String.class).single();
    String edited = cipher.seal(cipher.open(sealed, "sync_outbox.payload").replace("BT-B", "BT-NONE"), "sync_outbox.payload");
    jdbc.sql("update sync_outbox set payload = ? where aggregate_id = ? and message_type = ?")
        .params(edited, shop.id().value() + ":81002", OrderMessages.CREATE_SALES_ORDER).update();

    sync.drain();

    assertThat(statusesOf(shop, OrderMessages.CREATE_SALES_ORDER))
        .containsEntry("81002", "BLOCKED").containsEntry("81001", "DONE").containsEntry("81003", "DONE").containsEntry("81005", "DONE");
    assertThat(docNos(shop)).containsOnlyKeys("81001", "81003", "81005");
    assertThat(tradeStates(shop)).contains("81001|EXPORTED|2000|null|true", "81002|EXCEPTION|null|ERP_REJECTED|false");
    assertThat(jdbc.sql("select message from order_exception where tid = '81002' and status = 'OPEN'").query(String.class).single())
        .contains("EMBEDDED-001").contains("BT-NONE");
  }

  @Test
  void aTradesCreateAndCancelKeepTheirOrderWithinAndAcrossGroups() {
    Shop shop = shop("BO");
    importer.importPage(shop, List.of(
        trade(shop, "82001", "WAIT_SELLER_SEND_GOODS", 100, "u1", 0, "BT-A", 1),
        trade(shop, "82002", "WAIT_SELLER_SEND_GOODS", 100, "u2", 0, "BT-A", 1),
        trade(shop, "82003", "WAIT_SELLER_SEND_GOODS", 100, "u3", 0, "BT-B", 1)));
    // closed while its create is still queued, in a page with a new trade: the cancel waits behind the create
    importer.importPage(shop, List.of(
        trade(shop, "82002", "TRADE_CLOSED", 200, "u2", 0, "BT-A", 1),
        trade(shop, "82004", "WAIT_SELLER_SEND_GOODS", 200, "u4", 0, "BT-B", 2)));

    sync.drain();

    assertThat(docNos(shop)).containsOnlyKeys("82001", "82003", "82004");
    assertThat(statusesOf(shop, OrderMessages.CANCEL_SALES_ORDER)).containsExactly(Map.entry("82002", "DONE"));

    // exported, then closed: the cancel in one group with another trade's create
    importer.importPage(shop, List.of(
        trade(shop, "82001", "TRADE_CLOSED", 300, "u1", 0, "BT-A", 1),
        trade(shop, "82005", "WAIT_SELLER_SEND_GOODS", 300, "u5", 0, "BT-A", 2)));
    sync.drain();

    assertThat(docNos(shop)).containsOnlyKeys("82001", "82003", "82004", "82005");
    assertThat(jdbc.sql("select status from erp_sales_order where shop_code = 'BO' and channel_order_no = '82001'").query(String.class).single())
        .isEqualTo("CANCELLED");
    assertThat(statusesOf(shop, OrderMessages.CREATE_SALES_ORDER)).hasSize(5).allSatisfy((tid, status) -> assertThat(status).isEqualTo("DONE"));
    assertThat(tradeStates(shop)).contains("82005|EXPORTED|2000|null|true", "82003|EXPORTED|1000|null|true");
  }
}
