package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.secret.FieldCipher;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code erp_customer} table; {@code external_key} is unique, so one buyer is one customer. The
 * customer's name (the buyer's nick) is sealed ({@value #NAME}).
 */
final class CustomerRepository {
  /** The sealed name column, also its cipher context. */
  static final String NAME = "erp_customer.name";
  private static final String FIND_BY_KEY = "select customer_no from erp_customer where external_key = :key";
  private static final String FIND_BY_KEYS = "select external_key, customer_no from erp_customer where external_key in (:keys)";
  private static final String INSERT_IF_ABSENT = """
      insert into erp_customer (customer_no, external_key, name, province, created_at)
      values (:no, :key, :name, :province, :now)
      on conflict do nothing""";
  private static final String EXISTS = "select count(*) from erp_customer where customer_no = :no";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;
  private final FieldCipher cipher;

  CustomerRepository(NamedParameterJdbcTemplate template, FieldCipher cipher) {
    this.cipher = cipher;
    this.jdbc = JdbcClient.create(template);
    this.batch = template;
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
        .param("name", cipher.seal(customer.displayName(), NAME))
        .param("province", customer.province(), Types.VARCHAR)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update() == 1;
  }

  /** The customer numbers of those of {@code externalKeys} that have a customer, by external key. */
  Map<String, ErpDocNo> findByExternalKeys(Collection<String> externalKeys) {
    Map<String, ErpDocNo> found = new HashMap<>();
    if (!externalKeys.isEmpty()) {
      jdbc.sql(FIND_BY_KEYS).param("keys", List.copyOf(externalKeys))
          .query((RowCallbackHandler) rs -> found.put(rs.getString(1), new ErpDocNo(rs.getString(2))));
    }
    return found;
  }

  /**
   * {@link #insertIfAbsent} for several customers in one JDBC batch.
   *
   * @return per customer, in order, the driver's update count: 1 when inserted, 0 when one with its
   *     key existed; a negative count ({@link java.sql.Statement#SUCCESS_NO_INFO}) tells nothing
   */
  int[] insertAllIfAbsent(Map<ErpDocNo, CustomerRecord> customers, Instant now) {
    SqlParameterSource[] rows = new SqlParameterSource[customers.size()];
    int i = 0;
    for (Map.Entry<ErpDocNo, CustomerRecord> e : customers.entrySet()) {
      rows[i++] = new MapSqlParameterSource()
          .addValue("no", e.getKey().value())
          .addValue("key", e.getValue().externalKey())
          .addValue("name", cipher.seal(e.getValue().displayName(), NAME))
          .addValue("province", e.getValue().province(), Types.VARCHAR)
          .addValue("now", now.atOffset(ZoneOffset.UTC));
    }
    return batch.batchUpdate(INSERT_IF_ABSENT, rows);
  }

  boolean exists(ErpDocNo customerNo) {
    return jdbc.sql(EXISTS).param("no", customerNo.value()).query(Long.class).single() > 0;
  }
}
