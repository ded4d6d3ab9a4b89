package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hands out the built-in ERP's document numbers from database sequences: sales orders
 * {@code SO} + business day {@code yyyyMMdd} + a running number of at least 6 digits, customers
 * {@code C} + 8 digits. The running number is global (not reset per day), so numbers stay unique
 * whatever the clock says; numbers taken by a rolled-back transaction are skipped, not reused.
 */
final class DocumentNumbers {
  private static final String NEXT_SALES_ORDER = "select nextval('erp_sales_order_seq')";
  private static final String NEXT_CUSTOMER = "select nextval('erp_customer_seq')";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ZoneId zone;

  DocumentNumbers(JdbcClient jdbc, Clock clock, ZoneId zone) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.zone = zone;
  }

  ErpDocNo nextSalesOrderNo() {
    long n = next(NEXT_SALES_ORDER);
    return new ErpDocNo("SO" + DAY.format(clock.instant().atZone(zone)) + String.format("%06d", n));
  }

  ErpDocNo nextCustomerNo() {
    return new ErpDocNo(String.format("C%08d", next(NEXT_CUSTOMER)));
  }

  private long next(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
