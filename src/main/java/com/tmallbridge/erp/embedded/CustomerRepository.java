package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code erp_customer} table; {@code external_key} is unique, so one buyer is one customer. */
final class CustomerRepository {
  private static final String FIND_BY_KEY = "select customer_no from erp_customer where external_key = :key";
  private static final String INSERT_IF_ABSENT = """
      insert into erp_customer (customer_no, external_key, name, province, created_at)
      values (:no, :key, :name, :province, :now)
      on conflict do nothing""";
  private static final String EXISTS = "select count(*) from erp_customer where customer_no = :no";

  private final JdbcClient jdbc;

  CustomerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ErpDocNo> findByExternalKey(String externalKey) {
    return jdbc.sql(FIND_BY_KEY).param("key", externalKey).query(String.class).optional().map(ErpDocNo::new);
  }

  /**
   * Inserts the customer unless one with the same external key exists (or is being inserted by a
   * concurrent transaction, which this statement then waits for).
   *
   * @return whether this call inserted it
   */
  boolean insertIfAbsent(ErpDocNo customerNo, CustomerRecord customer, Instant now) {
    return jdbc.sql(INSERT_IF_ABSENT)
        .param("no", customerNo.value())
        .param("key", customer.externalKey())
        .param("name", customer.displayName())
        .param("province", customer.province(), Types.VARCHAR)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update() == 1;
  }

  boolean exists(ErpDocNo customerNo) {
    return jdbc.sql(EXISTS).param("no", customerNo.value()).query(Long.class).single() > 0;
  }
}
