package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hands out the built-in ERP's document numbers: sales orders {@code SO} + business day
 * {@code yyyyMMdd} + a running number of at least 6 digits, customers {@code C} + at least 8
 * digits, deliveries {@code DN} + business day + their feed position (at least 6 digits, from the
 * {@code erp_counter} row of {@code V5__erp_embedded_delivery.sql}). The running numbers of sales
 * orders and customers come from database sequences that step by {@link #BLOCK}: one
 * {@code nextval} reserves a block that is then handed out from memory, which saves a statement
 * per document. The running number is global (not reset per day), so numbers stay unique whatever
 * the clock says, also across nodes; a rolled-back document or a restart leaves a gap. Thread-safe.
 */
final class DocumentNumbers {
  /** Must equal the {@code increment by} of both sequences in {@code V2__erp_embedded.sql}. */
  static final int BLOCK = 100;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final Clock clock;
  private final ZoneId zone;
  private final Sequence salesOrders;
  private final Sequence customers;

  DocumentNumbers(JdbcClient jdbc, Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
    this.salesOrders = new Sequence(jdbc, "select nextval('erp_sales_order_seq')");
    this.customers = new Sequence(jdbc, "select nextval('erp_customer_seq')");
  }

  ErpDocNo nextSalesOrderNo() {
    String day = DAY.format(clock.instant().atZone(zone));
    return new ErpDocNo(zeroPadded("SO" + day, salesOrders.next(), 6));
  }

  /** The number of the delivery with feed position {@code id}, dated today. */
  ErpDocNo deliveryNo(long id) {
    return new ErpDocNo(zeroPadded("DN" + DAY.format(clock.instant().atZone(zone)), id, 6));
  }

  ErpDocNo nextCustomerNo() {
    return new ErpDocNo(zeroPadded("C", customers.next(), 8));
  }

  /** {@code prefix} + {@code n} left-padded with zeros to {@code width} digits (String.format is slow on this path). */
  static String zeroPadded(String prefix, long n, int width) {
    String digits = Long.toString(n);
    StringBuilder out = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits).toString();
  }

  /** One database sequence read a block at a time. */
  private static final class Sequence {
    private final JdbcClient jdbc;
    private final String nextValSql;
    private long next;
    private long end;

    Sequence(JdbcClient jdbc, String nextValSql) {
      this.jdbc = jdbc;
      this.nextValSql = nextValSql;
    }

    synchronized long next() {
      if (next == end) {
        next = jdbc.sql(nextValSql).query(Long.class).single();
        end = next + BLOCK;
      }
      return next++;
    }
  }
}
