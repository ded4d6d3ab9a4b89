package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.erp.embedded.operations.SalesOrderStatus;
import com.tmallbridge.secret.FieldCipher;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The {@code erp_sales_order} and {@code erp_sales_order_line} tables. Summaries compute the total
 * from the stored lines plus the post fee, never from the header's {@code total_fen}, so a
 * verification through {@link #forEachSummary} checks what the ERP really holds.
 */
final class SalesOrderRepository {
  static final String STATUS_CONFIRMED = "CONFIRMED";

  /** Inserts nothing when the customer is unknown or the channel order already has a document. */
  private static final String INSERT_HEADER = """
      insert into erp_sales_order (doc_no, shop_code, channel_order_no, customer_no, status,
          ordered_at, paid_at, post_fee_fen, total_fen, receiver_name, receiver_mobile,
          receiver_phone, receiver_province, receiver_city, receiver_district, receiver_address,
          receiver_zip, buyer_message, seller_memo, created_at)
      select :docNo, :shopCode, :orderNo, c.customer_no, :status,
          :orderedAt, :paidAt, :postFee, :total, :rName, :rMobile,
          :rPhone, :rProvince, :rCity, :rDistrict, :rAddress,
          :rZip, :buyerMessage, :sellerMemo, :now
        from erp_customer c
       where c.customer_no = :customerNo
      on conflict do nothing""";
  private static final String INSERT_LINE = """
      insert into erp_sales_order_line (doc_no, line_no, external_line_id, material, quantity,
          list_price_fen, amount_fen, title)
      values (:docNo, :lineNo, :externalLineId, :material, :quantity, :listPrice, :amount, :title)""";
  private static final String FIND_DOC_NO = """
      select doc_no from erp_sales_order where shop_code = :shopCode and channel_order_no = :orderNo""";
  private static final String SUMMARIES = """
      select o.doc_no, o.shop_code, o.channel_order_no, o.status,
             o.post_fee_fen + coalesce(
                 (select sum(l.amount_fen) from erp_sales_order_line l where l.doc_no = o.doc_no), 0) as total_fen,
             (select count(*) from erp_sales_order_line l where l.doc_no = o.doc_no) as line_count
        from erp_sales_order o""";
  private static final String FIND_SUMMARY = SUMMARIES + """

       where o.shop_code = :shopCode and o.channel_order_no = :orderNo""";
  /** {@link #SUMMARIES} joined to a list of numbers: {@code %s} is {@code (cast(? as varchar(64))), ...}. */
  private static final String FIND_SUMMARIES = """
      select o.doc_no, o.shop_code, o.channel_order_no, o.status,
             o.post_fee_fen + coalesce(
                 (select sum(l.amount_fen) from erp_sales_order_line l where l.doc_no = o.doc_no), 0) as total_fen,
             (select count(*) from erp_sales_order_line l where l.doc_no = o.doc_no) as line_count
        from (values %s) x(n)
        join erp_sales_order o on o.shop_code = ? and o.channel_order_no = x.n""";
  /**
   * PostgreSQL: the numbers as one array parameter (one statement text whatever the batch size, so
   * its plan is prepared once), each looked up in {@code erp_sales_order_channel_uk}: a lateral
   * sub-query fenced by {@code offset 0} keeps the planner from its alternative, a sequential scan
   * of every sales order per batch hashed against the list, which it picks for a {@code VALUES} or
   * {@code = any(?)} list of 1,000 on a table of 100,000 orders (90 ms a batch instead of 8). The
   * lines are summed and counted in one probe of their primary key, not two.
   */
  private static final String FIND_SUMMARIES_POSTGRESQL = """
      select o.doc_no, o.shop_code, o.channel_order_no, o.status, o.total_fen, o.line_count
        from unnest(?::varchar[]) x(n)
        cross join lateral (
          select o.doc_no, o.shop_code, o.channel_order_no, o.status, o.post_fee_fen + coalesce(l.amount, 0) as total_fen,
                 l.lines as line_count
            from erp_sales_order o
            cross join lateral (
              select sum(l.amount_fen) as amount, count(*) as lines from erp_sales_order_line l where l.doc_no = o.doc_no) l
           where o.shop_code = ? and o.channel_order_no = x.n
          offset 0) o""";
  /** Channel order numbers per query of {@link #findSummaries} on H2 (PostgreSQL takes any number in one). */
  private static final int IN_LIST = 1000;
  private static final String CREATED_AT = """
      select channel_order_no, created_at from erp_sales_order where shop_code = :shopCode""";
  private static final int STREAM_FETCH_SIZE = 500;

  /** The sealed columns (see {@link FieldCipher}); province, city, district and zip stay in clear. */
  static final String RECEIVER_NAME = "erp_sales_order.receiver_name";
  static final String RECEIVER_MOBILE = "erp_sales_order.receiver_mobile";
  static final String RECEIVER_PHONE = "erp_sales_order.receiver_phone";
  static final String RECEIVER_ADDRESS = "erp_sales_order.receiver_address";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;
  private final FieldCipher cipher;
  private final boolean postgresql;

  SalesOrderRepository(NamedParameterJdbcTemplate template, FieldCipher cipher) {
    this.jdbc = JdbcClient.create(template);
    this.batch = template;
    this.cipher = cipher;
    DataSource dataSource = template.getJdbcTemplate().getDataSource();
    try {
      this.postgresql = dataSource != null && JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
          .toLowerCase(Locale.ROOT).contains("postgresql");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot read the database product name: " + e.getMessage(), e);
    }
  }

  /**
   * Inserts the header unless the customer is unknown or (shop code, channel order no) already has
   * a document; waits for a concurrent transaction inserting the same key.
   *
   * @return whether the header was inserted
   */
  boolean insertHeader(ErpDocNo docNo, SalesOrder order, ErpDocNo customer, Instant now) {
    return jdbc.sql(INSERT_HEADER).paramSource(headerParams(docNo, order, customer, now)).update() == 1;
  }

  /**
   * {@link #insertHeader} for several orders in one JDBC batch.
   *
   * @param docNos the number for each order, in the same order
   * @return per order, the driver's update count: 1 when inserted, 0 when not, negative ({@link
   *     java.sql.Statement#SUCCESS_NO_INFO}) when the driver did not say
   */
  int[] insertHeaders(List<ErpDocNo> docNos, List<SalesOrderSink.Request> requests, Instant now) {
    SqlParameterSource[] rows = new SqlParameterSource[requests.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = headerParams(docNos.get(i), requests.get(i).order(), requests.get(i).customer(), now);
    }
    return batch.batchUpdate(INSERT_HEADER, rows);
  }

  /** Inserts all lines of several new documents in one JDBC batch. */
  void insertLines(Map<ErpDocNo, List<SalesOrderLine>> linesByDocNo) {
    List<SqlParameterSource> rows = new ArrayList<>();
    linesByDocNo.forEach((docNo, lines) -> lines.forEach(line -> rows.add(lineParams(docNo, line))));
    if (!rows.isEmpty()) {
      batch.batchUpdate(INSERT_LINE, rows.toArray(SqlParameterSource[]::new));
    }
  }

  /** Inserts all lines of a new document in one JDBC batch. */
  void insertLines(ErpDocNo docNo, List<SalesOrderLine> lines) {
    SqlParameterSource[] rows = lines.stream().map(line -> lineParams(docNo, line)).toArray(SqlParameterSource[]::new);
    batch.batchUpdate(INSERT_LINE, rows);
  }

  Optional<ErpDocNo> findDocNo(String shopCode, ChannelOrderNo orderNo) {
    return jdbc.sql(FIND_DOC_NO)
        .param("shopCode", shopCode)
        .param("orderNo", orderNo.value())
        .query(String.class)
        .optional()
        .map(ErpDocNo::new);
  }

  Optional<ErpSalesOrderSummary> findSummary(String shopCode, ChannelOrderNo orderNo) {
    return jdbc.sql(FIND_SUMMARY)
        .param("shopCode", shopCode)
        .param("orderNo", orderNo.value())
        .query((rs, row) -> summary(rs))
        .optional();
  }

  /**
   * The summaries of several channel order numbers of one shop; absent numbers are left out,
   * duplicates looked up once. Each number is looked up in the unique index {@code
   * erp_sales_order_channel_uk}: on PostgreSQL all of them in one query ({@link
   * #FIND_SUMMARIES_POSTGRESQL}), on H2 {@value #IN_LIST} per query joined as a {@code VALUES}
   * list, where {@code channel_order_no in (...)} next to {@code shop_code = ?} makes H2 read every
   * order of the shop (it uses only an index's first column for an IN list).
   */
  Map<ChannelOrderNo, ErpSalesOrderSummary> findSummaries(String shopCode, java.util.Collection<ChannelOrderNo> orderNos) {
    Map<ChannelOrderNo, ErpSalesOrderSummary> found = new java.util.LinkedHashMap<>();
    List<String> numbers = orderNos.stream().map(ChannelOrderNo::value).distinct().toList();
    if (numbers.isEmpty()) {
      return found;
    }
    if (postgresql) {
      batch.getJdbcTemplate().query(FIND_SUMMARIES_POSTGRESQL, (RowCallbackHandler) rs -> {
        ErpSalesOrderSummary s = summary(rs);
        found.put(s.orderNo(), s);
      }, numbers.toArray(String[]::new), shopCode);
      return found;
    }
    for (int i = 0; i < numbers.size(); i += IN_LIST) {
      List<String> part = numbers.subList(i, Math.min(numbers.size(), i + IN_LIST));
      String sql = FIND_SUMMARIES.formatted(String.join(", ", java.util.Collections.nCopies(part.size(), "(cast(? as varchar(64)))")));
      List<Object> params = new ArrayList<>(part);
      params.add(shopCode);
      jdbc.sql(sql).params(params).query((rs, row) -> summary(rs)).list().forEach(s -> found.put(s.orderNo(), s));
    }
    return found;
  }

  /** Streams every summary; call inside a transaction so PostgreSQL uses a cursor, not one big result. */
  void forEachSummary(Consumer<ErpSalesOrderSummary> sink) {
    RowCallbackHandler each = rs -> sink.accept(summary(rs));
    jdbc.sql(SUMMARIES).withFetchSize(STREAM_FETCH_SIZE).query(each);
  }

  private static SqlParameterSource lineParams(ErpDocNo docNo, SalesOrderLine line) {
    return new MapSqlParameterSource()
        .addValue("docNo", docNo.value())
        .addValue("lineNo", line.lineNo())
        .addValue("externalLineId", line.externalLineId())
        .addValue("material", line.material().value())
        .addValue("quantity", line.quantity())
        .addValue("listPrice", line.listPriceFen())
        .addValue("amount", line.amountFen())
        .addValue("title", line.title());
  }

  private static ErpSalesOrderSummary summary(ResultSet rs) throws SQLException {
    return new ErpSalesOrderSummary(
        new ErpDocNo(rs.getString("doc_no")),
        rs.getString("shop_code"),
        new ChannelOrderNo(rs.getString("channel_order_no")),
        rs.getLong("total_fen"),
        rs.getInt("line_count"),
        SalesOrderStatus.erpStatusOf(rs.getString("status")));
  }

  /** Nullable text is bound with its type, sparing the driver a parameter-metadata round trip. */
  private SqlParameterSource headerParams(ErpDocNo docNo, SalesOrder order, ErpDocNo customer, Instant now) {
    Receiver r = order.receiver();
    return new MapSqlParameterSource()
        .addValue("docNo", docNo.value())
        .addValue("shopCode", order.shopCode())
        .addValue("orderNo", order.orderNo().value())
        .addValue("customerNo", customer.value())
        .addValue("status", STATUS_CONFIRMED)
        .addValue("orderedAt", utc(order.orderedAt()))
        .addValue("paidAt", utc(order.paidAt()))
        .addValue("postFee", order.postFeeFen())
        .addValue("total", order.totalFen())
        .addValue("rName", cipher.seal(r.name(), RECEIVER_NAME), Types.VARCHAR)
        .addValue("rMobile", cipher.seal(r.mobile(), RECEIVER_MOBILE), Types.VARCHAR)
        .addValue("rPhone", cipher.seal(r.phone(), RECEIVER_PHONE), Types.VARCHAR)
        .addValue("rProvince", r.province(), Types.VARCHAR)
        .addValue("rCity", r.city(), Types.VARCHAR)
        .addValue("rDistrict", r.district(), Types.VARCHAR)
        .addValue("rAddress", cipher.seal(r.address(), RECEIVER_ADDRESS), Types.VARCHAR)
        .addValue("rZip", r.zip(), Types.VARCHAR)
        .addValue("buyerMessage", order.buyerMessage(), Types.VARCHAR)
        .addValue("sellerMemo", order.sellerMemo(), Types.VARCHAR)
        .addValue("now", utc(now));
  }

  /** Creation time of every sales order of a shop, by channel order number. */
  Map<String, Instant> createdAt(String shopCode) {
    Map<String, Instant> times = new HashMap<>();
    jdbc.sql(CREATED_AT).param("shopCode", shopCode)
        .query((RowCallbackHandler) rs -> times.put(rs.getString("channel_order_no"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant()));
    return times;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
