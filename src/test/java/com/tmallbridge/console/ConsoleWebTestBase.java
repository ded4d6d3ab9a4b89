package com.tmallbridge.console;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console as {@code serve} runs it (a servlet web application with its security), driven
 * through MockMvc, on a fresh database per test method. Lockout after 3 failures for 10 minutes;
 * an address is throttled after 12 failures in 10 minutes (MockMvc's requests come from 127.0.0.1
 * unless a test sets another address; the throttle's memory lives as long as the cached context).
 */
@SpringBootTest(properties = {"spring.main.web-application-type=servlet", "bridge.console.max-failed-logins=3",
    "bridge.console.lockout=PT10M", "bridge.console.max-failed-logins-per-address=12"})
@AutoConfigureMockMvc
@CleanDatabase
abstract class ConsoleWebTestBase extends SpringDatabaseTestBase {
  static final String PASSWORD = "correct horse battery";

  @Autowired MockMvc mvc;
  @Autowired UserManagement users;
  @Autowired ShopManagement shops;
  @Autowired JdbcClient jdbc;

  @Autowired java.time.Clock appClock;

  Shop shop(String code) {
    return shops.add(new ShopRegistration(code, "店铺 " + code, "http://127.0.0.1:9/router/rest", "k", "s", "session", "md5",
        appClock.instant().minus(java.time.Duration.ofDays(7))));
  }

  /** A signed-in principal as the login would make it, for {@code user(...)}. */
  static ConsolePrincipal principal(String name, Role role, ShopScope scope) {
    return new ConsolePrincipal(name, "{noop}x", role, scope, true, false);
  }

  static ConsolePrincipal principal(Role role) {
    return principal(role.name().toLowerCase(), role, ShopScope.everyShop());
  }

  void trade(ShopId shop, String tid, String state, Instant seen, Instant exported, String exception) {
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, ever_paid, payment_fen, post_fee_fen, state,
          erp_order_no, exported_at, exception_code, first_seen_at, updated_at)
        values (:shop, :tid, 'WAIT_SELLER_SEND_GOODS', :seen, :seen, true, 12345, 0, :state, :no, :exported, :exception, :seen, :seen)""")
        .param("shop", shop.value()).param("tid", tid).param("state", state).param("seen", seen.atOffset(ZoneOffset.UTC))
        .param("no", exported == null ? null : "SO-" + tid)
        .param("exported", exported == null ? null : exported.atOffset(ZoneOffset.UTC)).param("exception", exception)
        .update();
  }

  long exception(ShopId shop, String tid, String reason, Instant at) {
    jdbc.sql("""
        insert into order_exception (shop_id, tid, reason_code, message, status, retries, created_at, updated_at)
        values (:shop, :tid, :reason, :message, 'OPEN', 0, :at, :at)""")
        .param("shop", shop.value()).param("tid", tid).param("reason", reason).param("message", "held: " + reason)
        .param("at", at.atOffset(ZoneOffset.UTC)).update();
    return jdbc.sql("select max(id) from order_exception").query(Long.class).single();
  }

  static Set<ShopId> only(Shop shop) {
    return Set.of(shop.id());
  }
}
