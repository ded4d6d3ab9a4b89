package com.tmallbridge.console;

import static com.tmallbridge.console.ApiTokenTests.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.sync.Checkpoints;
import com.tmallbridge.sync.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each {@code /api} endpoint's JSON from seeded rows, as a token or a session sees it: contents,
 * money as yuan text, paging, shop scopes (another shop's row answers 404) and problem+json errors.
 */
class ApiEndpointsTests extends ConsoleWebTestBase {
  @Autowired Clock clock;
  @Autowired Checkpoints checkpoints;
  @Autowired Inbox inbox;
  @Autowired OrderManagement orders;
  @Autowired AuditManagement audit;
  @Autowired ApiTokens tokens;

  private Shop east;
  private Shop west;
  private Instant now;
  private String admin;
  private String eastOperator;

  @BeforeEach
  void seed() {
    east = shop("EAST");
    west = shop("WEST");
    now = clock.instant();
    users.add("root", Role.ADMIN, ShopScope.everyShop(), PASSWORD);
    users.add("eo", Role.OPERATOR, ShopScope.only(only(east)), PASSWORD);
    admin = tokens.create("root", "ci", null).secret();
    eastOperator = tokens.create("eo", "ci", null).secret();
  }

  @Test
  void theDashboardCountsTodayExceptionsByReasonAndLagWithinTheCallersShops() throws Exception {
    trade(east.id(), "1001", "EXPORTED", now.minusSeconds(60), now.minusSeconds(30), null);
    trade(west.id(), "1002", "EXCEPTION", now.minusSeconds(50), null, "UNMAPPED_SKU");
    exception(west.id(), "1002", "UNMAPPED_SKU", now.minusSeconds(50));
    checkpoints.advance("tmall", "trades", east.id(), now.minusSeconds(120));
    checkpoints.advance("tmall", "trades", west.id(), now.minusSeconds(300));

    call(get("/api/dashboard"), admin).andExpect(status().isOk())
        .andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
        .andExpect(jsonPath("$.today.received").value(2))
        .andExpect(jsonPath("$.today.exported").value(1))
        .andExpect(jsonPath("$.today.held").value(1))
        .andExpect(jsonPath("$.exceptionsByReason.UNMAPPED_SKU").value(1))
        .andExpect(jsonPath("$.syncLag", hasSize(2)));
    call(get("/api/dashboard"), eastOperator).andExpect(status().isOk())
        .andExpect(jsonPath("$.today.received").value(1))
        .andExpect(jsonPath("$.today.held").value(0))
        .andExpect(jsonPath("$.exceptionsByReason").isEmpty())
        .andExpect(jsonPath("$.syncLag", hasSize(1)))
        .andExpect(jsonPath("$.syncLag[0].shop").value("EAST"))
        .andExpect(jsonPath("$.syncLag[0].stream").value("tmall/trades"))
        .andExpect(jsonPath("$.syncLag[0].lagSeconds").value(org.hamcrest.Matchers.greaterThanOrEqualTo(120)));
  }

  @Test
  void ordersArePagedFilteredAndKeptToTheCallersShopsWithMoneyAsYuanText() throws Exception {
    for (int i = 0; i < 3; i++) {
      trade(east.id(), "200" + i, "EXPORTED", now.minusSeconds(600 - i), now.minusSeconds(500), null);
    }
    trade(west.id(), "3001", "QUEUED", now.minusSeconds(10), null, null);

    call(get("/api/orders").param("size", "2"), admin).andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2))).andExpect(jsonPath("$.hasNext").value(true))
        .andExpect(jsonPath("$.items[0].tid").value("3001"))
        .andExpect(jsonPath("$.items[0].payment").value("123.45"))
        .andExpect(jsonPath("$.items[0].shop").value("WEST"));
    call(get("/api/orders").param("size", "2").param("page", "1"), admin)
        .andExpect(jsonPath("$.items", hasSize(2))).andExpect(jsonPath("$.hasNext").value(false));
    call(get("/api/orders").param("tid", "300"), admin).andExpect(jsonPath("$.items[*].tid").value(org.hamcrest.Matchers.contains("3001")));
    call(get("/api/orders").param("state", "QUEUED"), admin).andExpect(jsonPath("$.items", hasSize(1)));
    call(get("/api/orders"), eastOperator).andExpect(jsonPath("$.items", hasSize(3)))
        .andExpect(jsonPath("$.items[*].shop").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("EAST"))))
        .andExpect(jsonPath("$.items[0].erpAmount").doesNotExist());
  }

  @Test
  void oneOrderShowsItsLinesAndAMaskedReceiverAndAnotherShopsOrderIsNotFound() throws Exception {
    trade(west.id(), "5001", "EXPORTED", now.minusSeconds(60), now.minusSeconds(30), null);
    jdbc.sql("""
        insert into order_line (shop_id, tid, line_no, oid, num_iid, sku_id, material_code, title, quantity, price_fen, amount_fen)
        values (:shop, '5001', 1, '50011', '600001', null, 'MAT-1', '茶杯', 2, 6200, 12345)""")
        .param("shop", west.id().value()).update();
    inbox.offer("tmall", west.id(), "5001", now.minusSeconds(60), """
        {"tid":5001,"status":"WAIT_SELLER_SEND_GOODS","created":"2026-12-05 10:00:00","modified":"2026-12-05 10:00:00",
         "payment":"123.45","receiver_name":"张三丰","receiver_mobile":"13812345678","receiver_state":"湖南省",
         "receiver_city":"长沙市","receiver_district":"岳麓区","receiver_address":"麓山南路932号湖南大学","orders":[]}""");

    String body = call(get("/api/orders/{shop}/{tid}", west.id().value(), "5001"), admin).andExpect(status().isOk())
        .andExpect(jsonPath("$.order.tid").value("5001"))
        .andExpect(jsonPath("$.order.erpOrderNo").value("SO-5001"))
        .andExpect(jsonPath("$.lines[0].materialCode").value("MAT-1"))
        .andExpect(jsonPath("$.lines[0].amount").value("123.45"))
        .andExpect(jsonPath("$.receiver.name").value("张**"))
        .andExpect(jsonPath("$.receiver.mobile").value("****5678"))
        .andExpect(jsonPath("$.receiver.province").value("湖南省"))
        .andExpect(jsonPath("$.receiver.address").value("麓山南路93…"))
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain("张三丰").doesNotContain("13812345678").doesNotContain("湖南大学");

    call(get("/api/orders/{shop}/{tid}", west.id().value(), "5001"), eastOperator)
        .andExpect(status().isNotFound()).andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.detail").value("no trade 5001 of shop " + west.id().value() + " in your shops"));
    call(get("/api/orders/{shop}/{tid}", east.id().value(), "5001"), admin).andExpect(status().isNotFound());
  }

  @Test
  void exceptionsAreListedAndRetriedAsTheCallerWithTheTokenInTheAuditLog() throws Exception {
    trade(east.id(), "4001", "EXCEPTION", now.minusSeconds(60), null, "AMEND-ADDRESS");
    long eastId = exception(east.id(), "4001", "AMEND-ADDRESS", now.minusSeconds(60));
    long westId = exception(west.id(), "4002", "UNMAPPED_SKU", now.minusSeconds(30));

    call(get("/api/exceptions"), admin).andExpect(jsonPath("$.items", hasSize(2)));
    call(get("/api/exceptions").param("reason", "UNMAPPED_SKU"), admin).andExpect(jsonPath("$.items[*].id")
        .value(org.hamcrest.Matchers.contains((int) westId)));
    call(get("/api/exceptions"), eastOperator).andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].reasonCode").value("AMEND-ADDRESS"))
        .andExpect(jsonPath("$.items[0].message").value("held: AMEND-ADDRESS"));

    call(post("/api/exceptions/{id}/retry", westId), eastOperator).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("no exception #" + westId + " in your shops"));
    assertThat(orders.exception(westId).orElseThrow().status()).isEqualTo("OPEN");

    call(post("/api/exceptions/{id}/retry", eastId), eastOperator).andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value((int) eastId)).andExpect(jsonPath("$.tid").value("4001"))
        .andExpect(jsonPath("$.status").value("RESOLVED"));
    AuditEntry entry = audit.entries(AuditAction.EXCEPTION_ACTION, null, "exception:" + eastId, null, null, 5).get(0);
    assertThat(entry.actor()).isEqualTo("eo");
    assertThat(entry.source()).isEqualTo("127.0.0.1 (api token ci)");
  }

  @Test
  void shipmentsAreNewestFirstAndKeptToTheCallersShops() throws Exception {
    shipment(east.id(), "D-1", "6001", "SENT");
    shipment(west.id(), "D-2", "6002", "FAILED");
    shipment(east.id(), "D-3", "6003", "FAILED");

    call(get("/api/shipments"), admin).andExpect(jsonPath("$.items[*].deliveryNo").value(org.hamcrest.Matchers.contains("D-3", "D-2", "D-1")))
        .andExpect(jsonPath("$.items[0].oids[0]").value("60031"));
    call(get("/api/shipments").param("state", "FAILED"), eastOperator)
        .andExpect(jsonPath("$.items[*].deliveryNo").value(org.hamcrest.Matchers.contains("D-3")));
    call(get("/api/shipments").param("state", "LOST"), admin).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("unknown state 'LOST'")));
  }

  @Test
  void refundsAreListedWithYuanAmountsAndAnotherShopsRetryIsNotFound() throws Exception {
    refund(east.id(), "R1", "7001", 9900);
    refund(west.id(), "R2", "7002", 1250);

    call(get("/api/refunds"), admin).andExpect(jsonPath("$.items", hasSize(2)));
    call(get("/api/refunds"), eastOperator).andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].refundId").value("R1"))
        .andExpect(jsonPath("$.items[0].refundFee").value("99.00"))
        .andExpect(jsonPath("$.items[0].paid").value("99.00"))
        .andExpect(jsonPath("$.items[0].kind").value("REFUND_ONLY"));
    call(post("/api/refunds/{shop}/{refund}/retry", west.id().value(), "R2"), eastOperator).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("no refund R2 of shop " + west.id().value() + " in your shops"));
    call(post("/api/refunds/{shop}/{refund}/retry", east.id().value(), "NOPE"), eastOperator).andExpect(status().isNotFound());
  }

  @Test
  void stockIsListedPerListingKeptToTheCallersShopsAndAnotherShopIsNotFound() throws Exception {
    listing(east.id(), "600001", "1", "MAT-A", 7, 5L);
    listing(east.id(), "600001", "2", "MAT-B*2", 3, null);
    listing(west.id(), "600009", "", "MAT-C", 9, 9L);

    call(get("/api/stock"), admin).andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(3)));
    call(get("/api/stock").param("size", "1").param("page", "1"), eastOperator).andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.hasNext").value(false))
        .andExpect(jsonPath("$.items[0].shopCode").value("EAST"))
        .andExpect(jsonPath("$.items[0].skuId").value("2"))
        .andExpect(jsonPath("$.items[0].components").value("MAT-B*2"))
        .andExpect(jsonPath("$.items[0].wanted").value(3))
        .andExpect(jsonPath("$.items[0].pushed").doesNotExist());
    call(get("/api/stock"), eastOperator).andExpect(jsonPath("$.items[*].shopCode")
        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("EAST"))));
    call(get("/api/stock").param("sku", "600009"), admin).andExpect(jsonPath("$.items[0].pushed").value(9));
    call(get("/api/stock").param("shop", "WEST"), eastOperator).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("no shop 'WEST' in your shops"));
  }

  @Test
  void theAuditLogIsFilteredAndBadFiltersAnswer400WithTheReason() throws Exception {
    call(get("/api/audit").param("action", "USER_CHANGE").param("target", "user:eo"), admin).andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].target").value("user:eo"))
        .andExpect(jsonPath("$[0].at").value(containsString("T")));
    call(get("/api/audit").param("action", "NAP"), admin).andExpect(status().isBadRequest())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.title").value("Bad Request"))
        .andExpect(jsonPath("$.detail").value(containsString("unknown action 'NAP'")))
        .andExpect(jsonPath("$.instance").value("/api/audit"));
    call(get("/api/audit").param("from", "yesterday"), admin).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("from must be an ISO-8601 instant")));
    call(get("/api/audit"), eastOperator).andExpect(status().isForbidden());
  }

  @Test
  void badPagingAnswers400NamingTheParameter() throws Exception {
    call(get("/api/orders").param("page", "x"), admin).andExpect(status().isBadRequest())
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.detail").value("page must be an integer, got 'x'"));
    call(get("/api/orders").param("size", "0"), admin).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("size must be between 1 and 200, got 0"));
    call(get("/api/orders").param("page", "-1"), admin).andExpect(status().isBadRequest());
    call(get("/api/orders").param("state", "LOST"), admin).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("unknown state 'LOST'")));
  }

  @Test
  void aSignedInSessionReadsTheApiToo() throws Exception {
    trade(east.id(), "8001", "QUEUED", now.minusSeconds(10), null, null);
    mvc.perform(get("/api/orders").with(user(principal("eo", Role.OPERATOR, ShopScope.only(only(east))))))
        .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].tid").value("8001"));
    mvc.perform(post("/api/exceptions/{id}/retry", 999).with(csrf()).with(user(principal(Role.OPERATOR))))
        .andExpect(status().isNotFound());
  }

  private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
    return mvc.perform(bearer(request, token));
  }

  private void shipment(ShopId shop, String deliveryNo, String tid, String state) {
    jdbc.sql("""
        insert into fulfilment_shipment (erp, delivery_no, sales_order_no, shop_id, tid, oids, whole_trade, state, retries,
          shipped_at, created_at, updated_at)
        values ('embedded', :no, :so, :shop, :tid, :oids, true, :state, 0, :at, :at, :at)""")
        .param("no", deliveryNo).param("so", "SO-" + tid).param("shop", shop.value()).param("tid", tid).param("oids", tid + "1")
        .param("state", state).param("at", now.atOffset(ZoneOffset.UTC)).update();
  }

  private void listing(ShopId shop, String numIid, String skuId, String components, long wanted, Long pushed) {
    jdbc.sql("""
        insert into stock_publication (shop_id, num_iid, sku_id, components, wanted, computed_at, pushed, pushed_at, force_push)
        values (:shop, :item, :sku, :components, :wanted, :at, :pushed, :pushedAt, false)""")
        .param("shop", shop.value()).param("item", numIid).param("sku", skuId).param("components", components).param("wanted", wanted)
        .param("at", now.atOffset(ZoneOffset.UTC)).param("pushed", pushed)
        .param("pushedAt", pushed == null ? null : now.atOffset(ZoneOffset.UTC)).update();
  }

  private void refund(ShopId shop, String refundId, String tid, long feeFen) {
    jdbc.sql("""
        insert into aftersale_refund (shop_id, refund_id, tid, oid, status, status_rank, kind, refund_fee_fen, reported_fee_fen, paid_fen,
          has_good_return, num, created, modified, stage, shipped_after_intercept, raw_json, first_seen_at, updated_at)
        values (:shop, :refund, :tid, :oid, 'WAIT_SELLER_AGREE', 1, 'REFUND_ONLY', :fee, :fee, :fee, false, 1, :at, :at, 'NEW', false,
          '{}', :at, :at)""")
        .param("shop", shop.value()).param("refund", refundId).param("tid", tid).param("oid", tid + "1").param("fee", feeFen)
        .param("at", now.atOffset(ZoneOffset.UTC)).update();
  }
}
