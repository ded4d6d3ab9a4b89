package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.SalesOrderLineCancellation;
import com.tmallbridge.erp.embedded.operations.AfterSaleFacts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The built-in ERP's after-sale tables of {@code V10__aftersale.sql}: {@code erp_delivery_hold},
 * {@code erp_line_cancellation} (with {@code erp_sales_order_line.cancelled_quantity}) and
 * {@code erp_return} / {@code erp_return_line}.
 */
final class AfterSaleRepository {
  private static final String INSERT_HOLD = """
      insert into erp_delivery_hold (hold_key, sales_order_no, reason, created_at)
      values (:key, :docNo, :reason, :now)
      on conflict do nothing""";
  private static final String RELEASE_HOLD = """
      update erp_delivery_hold set released_at = :now
       where hold_key = :key and sales_order_no = :docNo and released_at is null""";
  private static final String FIND_CANCELLATION = """
      select cancelled_units, delivered_units, remaining_units from erp_line_cancellation where reference = :reference""";
  private static final String INSERT_CANCELLATION = """
      insert into erp_line_cancellation (reference, sales_order_no, cancelled_units, delivered_units, remaining_units, created_at)
      values (:reference, :docNo, :cancelled, :delivered, :remaining, :now)""";
  private static final String CANCEL_UNITS = """
      update erp_sales_order_line set cancelled_quantity = cancelled_quantity + :units
       where doc_no = :docNo and line_no = :lineNo""";
  private static final String RETURN_BY_REFERENCE = "select return_no from erp_return where caller_reference = :reference";
  private static final String RETURNED_PER_LINE = """
      select line_no, sum(quantity) as returned from erp_return_line where sales_order_no = :docNo group by line_no""";
  private static final String LAST_WAREHOUSE = """
      select warehouse from erp_delivery where sales_order_no = :docNo order by id desc limit 1""";
  private static final String NEXT_RETURN = "select nextval('erp_return_seq')";
  private static final String INSERT_RETURN = """
      insert into erp_return (return_no, sales_order_no, caller_reference, warehouse, reason, status, created_at)
      values (:returnNo, :docNo, :reference, :warehouse, :reason, 'CREATED', :now)""";
  private static final String INSERT_RETURN_LINE = """
      insert into erp_return_line (return_no, sales_order_no, line_no, external_line_id, material, quantity)
      values (:returnNo, :docNo, :lineNo, :externalLineId, :material, :quantity)""";
  private static final String LOCK_RETURN = "select status, warehouse from erp_return where return_no = :returnNo for update";
  private static final String RETURN_LINES = """
      select line_no, material, quantity from erp_return_line where return_no = :returnNo order by line_no""";
  private static final String MARK_RECEIVED = """
      update erp_return set status = 'RECEIVED', received_at = :now where return_no = :returnNo""";

  private static final String SHOP_HOLDS = """
      select h.sales_order_no, h.hold_key, h.created_at, h.released_at from erp_delivery_hold h
      join erp_sales_order o on o.doc_no = h.sales_order_no where o.shop_code = :shopCode order by h.created_at""";
  private static final String SHOP_RETURNS = """
      select r.return_no, r.sales_order_no, r.received_at from erp_return r
      join erp_sales_order o on o.doc_no = r.sales_order_no where o.shop_code = :shopCode order by r.return_no""";
  private static final String SHOP_RETURN_LINES = """
      select l.return_no, l.external_line_id, l.quantity from erp_return_line l
      join erp_sales_order o on o.doc_no = l.sales_order_no where o.shop_code = :shopCode""";

  private final JdbcClient jdbc;

  AfterSaleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void hold(ErpDocNo docNo, String key, String reason, Instant now) {
    jdbc.sql(INSERT_HOLD).param("key", key).param("docNo", docNo.value()).param("reason", reason)
        .param("now", now.atOffset(ZoneOffset.UTC)).update();
  }

  void release(ErpDocNo docNo, String key, Instant now) {
    jdbc.sql(RELEASE_HOLD).param("key", key).param("docNo", docNo.value()).param("now", now.atOffset(ZoneOffset.UTC)).update();
  }

  Optional<SalesOrderLineCancellation.Result> cancellation(String reference) {
    return jdbc.sql(FIND_CANCELLATION).param("reference", reference).query((rs, row) -> new SalesOrderLineCancellation.Result(
        rs.getLong("cancelled_units"), rs.getLong("delivered_units"), rs.getLong("remaining_units"))).optional();
  }

  void cancelUnits(ErpDocNo docNo, int lineNo, long units) {
    jdbc.sql(CANCEL_UNITS).param("docNo", docNo.value()).param("lineNo", lineNo).param("units", units).update();
  }

  void recordCancellation(ErpDocNo docNo, String reference, SalesOrderLineCancellation.Result result, Instant now) {
    jdbc.sql(INSERT_CANCELLATION).param("reference", reference).param("docNo", docNo.value())
        .param("cancelled", result.cancelledUnits()).param("delivered", result.deliveredUnits())
        .param("remaining", result.remainingOpenUnits()).param("now", now.atOffset(ZoneOffset.UTC)).update();
  }

  Optional<ErpDocNo> returnByReference(String reference) {
    return jdbc.sql(RETURN_BY_REFERENCE).param("reference", reference).query(String.class).optional().map(ErpDocNo::new);
  }

  Map<Integer, Long> returnedPerLine(ErpDocNo docNo) {
    Map<Integer, Long> returned = new HashMap<>();
    RowCallbackHandler each = rs -> returned.put(rs.getInt("line_no"), rs.getLong("returned"));
    jdbc.sql(RETURNED_PER_LINE).param("docNo", docNo.value()).query(each);
    return returned;
  }

  Optional<String> lastDeliveryWarehouse(ErpDocNo docNo) {
    return jdbc.sql(LAST_WAREHOUSE).param("docNo", docNo.value()).query(String.class).optional();
  }

  long nextReturnId() {
    return jdbc.sql(NEXT_RETURN).query(Long.class).single();
  }

  void insertReturn(NewReturn r, Instant now) {
    jdbc.sql(INSERT_RETURN).param("returnNo", r.returnNo().value()).param("docNo", r.salesOrderNo().value())
        .param("reference", r.reference()).param("warehouse", r.warehouse()).param("reason", r.reason())
        .param("now", now.atOffset(ZoneOffset.UTC)).update();
    for (ReturnLine line : r.lines()) {
      jdbc.sql(INSERT_RETURN_LINE).param("returnNo", r.returnNo().value()).param("docNo", r.salesOrderNo().value())
          .param("lineNo", line.lineNo()).param("externalLineId", line.externalLineId())
          .param("material", line.material().value()).param("quantity", line.quantity()).update();
    }
  }

  /** Locks the return's row; null when there is no such return. */
  @Nullable LockedReturn lockReturn(ErpDocNo returnNo) {
    return jdbc.sql(LOCK_RETURN).param("returnNo", returnNo.value())
        .query((rs, row) -> new LockedReturn(rs.getString("status"), rs.getString("warehouse"))).optional().orElse(null);
  }

  List<ReturnLine> returnLines(ErpDocNo returnNo) {
    return jdbc.sql(RETURN_LINES).param("returnNo", returnNo.value()).query((rs, row) -> new ReturnLine(
        rs.getInt("line_no"), "", new MaterialCode(rs.getString("material")), rs.getLong("quantity"))).list();
  }

  void markReceived(ErpDocNo returnNo, Instant now) {
    jdbc.sql(MARK_RECEIVED).param("returnNo", returnNo.value()).param("now", now.atOffset(ZoneOffset.UTC)).update();
  }

  /** Every hold and return of the shop's sales orders (see {@link AfterSaleFacts}). */
  AfterSaleFacts facts(String shopCode) {
    List<AfterSaleFacts.Hold> holds = jdbc.sql(SHOP_HOLDS).param("shopCode", shopCode).query((rs, row) -> {
      OffsetDateTime released = rs.getObject("released_at", OffsetDateTime.class);
      return new AfterSaleFacts.Hold(new ErpDocNo(rs.getString("sales_order_no")), rs.getString("hold_key"),
          rs.getObject("created_at", OffsetDateTime.class).toInstant(), released == null ? null : released.toInstant());
    }).list();
    Map<String, List<AfterSaleFacts.Line>> lines = new HashMap<>();
    jdbc.sql(SHOP_RETURN_LINES).param("shopCode", shopCode).query((RowCallbackHandler) rs -> lines
        .computeIfAbsent(rs.getString("return_no"), k -> new ArrayList<>())
        .add(new AfterSaleFacts.Line(rs.getString("external_line_id"), rs.getLong("quantity"))));
    List<AfterSaleFacts.Return> returns = jdbc.sql(SHOP_RETURNS).param("shopCode", shopCode).query((rs, row) -> new AfterSaleFacts.Return(
        new ErpDocNo(rs.getString("return_no")), new ErpDocNo(rs.getString("sales_order_no")), rs.getObject("received_at") != null,
        lines.getOrDefault(rs.getString("return_no"), List.of()))).list();
    return new AfterSaleFacts(holds, returns);
  }

  record NewReturn(ErpDocNo returnNo, ErpDocNo salesOrderNo, String reference, String warehouse, String reason, List<ReturnLine> lines) {}

  record ReturnLine(int lineNo, String externalLineId, MaterialCode material, long quantity) {}

  record LockedReturn(String status, String warehouse) {}
}
