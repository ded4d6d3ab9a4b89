package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.embedded.operations.Shipment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code erp_delivery} and {@code erp_delivery_line} tables, the delivery counter, and the
 * sales-order reads deliveries need (row lock, delivered units per line, open units per material).
 */
final class DeliveryRepository {
  private static final String LOCK_ORDER = "select status from erp_sales_order where doc_no = :docNo for update";
  private static final String UPDATE_STATUS = "update erp_sales_order set status = :status where doc_no = :docNo";
  private static final String OPEN_LINES = """
      select l.line_no, l.external_line_id, l.material, l.quantity - l.cancelled_quantity as quantity,
             coalesce((select sum(d.quantity) from erp_delivery_line d
                        where d.sales_order_no = l.doc_no and d.line_no = l.line_no), 0) as delivered
        from erp_sales_order_line l
       where l.doc_no = :docNo
       order by l.line_no""";
  private static final String OPEN_LINES_OF_MANY = """
      select l.doc_no, l.line_no, l.external_line_id, l.material, l.quantity - l.cancelled_quantity as quantity,
             coalesce((select sum(d.quantity) from erp_delivery_line d
                        where d.sales_order_no = l.doc_no and d.line_no = l.line_no), 0) as delivered
        from erp_sales_order_line l
       where l.doc_no in (:docNos)
       order by l.doc_no, l.line_no""";
  /** Sales orders per {@link #OPEN_LINES_OF_MANY} query (a bound list per query stays well under the drivers' limits). */
  private static final int OPEN_LINES_CHUNK = 500;
  private static final String HELD =
      "select count(*) from erp_delivery_hold where sales_order_no = :docNo and released_at is null";
  private static final String NEXT_ID = "update erp_counter set last_id = last_id + 1 where name = 'delivery'";
  private static final String CURRENT_ID = "select last_id from erp_counter where name = 'delivery'";
  private static final String ID_BY_REFERENCE = "select id from erp_delivery where caller_reference = :reference";
  private static final String INSERT = """
      insert into erp_delivery (id, delivery_no, sales_order_no, warehouse, carrier, tracking_no,
          caller_reference, shipped_at)
      values (:id, :deliveryNo, :salesOrderNo, :warehouse, :carrier, :trackingNo, :reference, :shippedAt)""";
  private static final String INSERT_LINE = """
      insert into erp_delivery_line (delivery_id, sales_order_no, line_no, external_line_id, material, quantity)
      values (:id, :salesOrderNo, :lineNo, :externalLineId, :material, :quantity)""";
  private static final String HEADERS = """
      select d.id, d.delivery_no, d.sales_order_no, o.shop_code, o.channel_order_no, d.warehouse,
             d.carrier, d.tracking_no, d.shipped_at
        from erp_delivery d
        join erp_sales_order o on o.doc_no = d.sales_order_no""";
  private static final String PAGE = HEADERS + """

       where d.id > :after
       order by d.id
       limit :limit""";
  private static final String ONE = HEADERS + "\n where d.id = :id";
  private static final String LINES = """
      select delivery_id, external_line_id, material, quantity
        from erp_delivery_line
       where delivery_id between :first and :last
       order by delivery_id, line_no""";
  private static final String UNDELIVERED = """
      select l.material,
             sum(l.quantity - l.cancelled_quantity - coalesce((select sum(d.quantity) from erp_delivery_line d
                                         where d.sales_order_no = l.doc_no and d.line_no = l.line_no), 0)) as open_units
        from erp_sales_order_line l
        join erp_sales_order o on o.doc_no = l.doc_no
       where o.status in ('CONFIRMED', 'PART_SHIPPED')
       group by l.material
       order by l.material""";

  private final JdbcClient jdbc;

  DeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the sales order's row until the transaction ends; empty when there is no such order. */
  Optional<String> lockOrder(ErpDocNo docNo) {
    return jdbc.sql(LOCK_ORDER).param("docNo", docNo.value()).query(String.class).optional();
  }

  /** Whether the sales order has an unreleased delivery hold (table of {@code V10__aftersale.sql}). */
  boolean isHeld(ErpDocNo docNo) {
    return jdbc.sql(HELD).param("docNo", docNo.value()).query(Long.class).single() > 0;
  }

  void updateStatus(ErpDocNo docNo, String status) {
    jdbc.sql(UPDATE_STATUS).param("docNo", docNo.value()).param("status", status).update();
  }

  List<OpenLine> openLines(ErpDocNo docNo) {
    return jdbc.sql(OPEN_LINES).param("docNo", docNo.value()).query((rs, row) -> new OpenLine(
        rs.getInt("line_no"), rs.getString("external_line_id"), new MaterialCode(rs.getString("material")),
        rs.getLong("quantity"), rs.getLong("delivered"))).list();
  }

  /** The lines of every one of {@code docNos} that exists, by order in the order given; unknown ones are absent. */
  Map<ErpDocNo, List<OpenLine>> openLines(List<ErpDocNo> docNos) {
    Map<String, List<OpenLine>> byDoc = new java.util.HashMap<>();
    for (int from = 0; from < docNos.size(); from += OPEN_LINES_CHUNK) {
      List<String> chunk = docNos.subList(from, Math.min(from + OPEN_LINES_CHUNK, docNos.size())).stream().map(ErpDocNo::value).toList();
      jdbc.sql(OPEN_LINES_OF_MANY).param("docNos", chunk).query((RowCallbackHandler) rs -> byDoc
          .computeIfAbsent(rs.getString("doc_no"), k -> new ArrayList<>())
          .add(new OpenLine(rs.getInt("line_no"), rs.getString("external_line_id"), new MaterialCode(rs.getString("material")),
              rs.getLong("quantity"), rs.getLong("delivered"))));
    }
    Map<ErpDocNo, List<OpenLine>> lines = new LinkedHashMap<>();
    for (ErpDocNo no : docNos) {
      List<OpenLine> found = byDoc.get(no.value());
      if (found != null) {
        lines.put(no, List.copyOf(found));
      }
    }
    return lines;
  }

  /** The next delivery id; holds the counter's row lock until the transaction ends (see V5). */
  long nextId() {
    jdbc.sql(NEXT_ID).update();
    return jdbc.sql(CURRENT_ID).query(Long.class).single();
  }

  Optional<Long> idByReference(String reference) {
    return jdbc.sql(ID_BY_REFERENCE).param("reference", reference).query(Long.class).optional();
  }

  void insert(NewDelivery d) {
    jdbc.sql(INSERT).paramSource(new MapSqlParameterSource()
            .addValue("id", d.id())
            .addValue("deliveryNo", d.deliveryNo().value())
            .addValue("salesOrderNo", d.shipment().salesOrderNo().value())
            .addValue("warehouse", d.shipment().warehouse())
            .addValue("carrier", d.shipment().carrier(), Types.VARCHAR)
            .addValue("trackingNo", d.shipment().trackingNo(), Types.VARCHAR)
            .addValue("reference", d.shipment().reference())
            .addValue("shippedAt", d.shippedAt().atOffset(ZoneOffset.UTC)))
        .update();
    for (NewLine line : d.lines()) {
      jdbc.sql(INSERT_LINE)
          .param("id", d.id())
          .param("salesOrderNo", d.shipment().salesOrderNo().value())
          .param("lineNo", line.lineNo())
          .param("externalLineId", line.externalLineId())
          .param("material", line.material().value())
          .param("quantity", line.quantity())
          .update();
    }
  }

  /** Deliveries with an id above {@code after}, oldest first, at most {@code limit}. */
  List<Stored> after(long after, long limit) {
    List<Stored> headers = jdbc.sql(PAGE).param("after", after).param("limit", limit).query((rs, row) -> header(rs)).list();
    return withLines(headers);
  }

  Optional<Stored> find(long id) {
    return withLines(jdbc.sql(ONE).param("id", id).query((rs, row) -> header(rs)).list()).stream().findFirst();
  }

  Map<MaterialCode, Long> undelivered() {
    Map<MaterialCode, Long> result = new LinkedHashMap<>();
    RowCallbackHandler each = rs -> {
      long open = rs.getLong("open_units");
      if (open > 0) {
        result.put(new MaterialCode(rs.getString("material")), open);
      }
    };
    jdbc.sql(UNDELIVERED).query(each);
    return result;
  }

  /** Reads the lines of consecutive headers with one range query (ids come from the counter, so a page is a range). */
  private List<Stored> withLines(List<Stored> headers) {
    if (headers.isEmpty()) {
      return headers;
    }
    Map<Long, List<ErpDelivery.Line>> lines = new LinkedHashMap<>();
    RowCallbackHandler each = rs -> lines.computeIfAbsent(rs.getLong("delivery_id"), id -> new ArrayList<>())
        .add(new ErpDelivery.Line(rs.getString("external_line_id"), new MaterialCode(rs.getString("material")), rs.getLong("quantity")));
    jdbc.sql(LINES).param("first", headers.get(0).id()).param("last", headers.get(headers.size() - 1).id()).query(each);
    return headers.stream().map(h -> h.withLines(lines.getOrDefault(h.id(), List.of()))).toList();
  }

  private static Stored header(ResultSet rs) throws SQLException {
    ErpDelivery delivery = new ErpDelivery(
        new ErpDocNo(rs.getString("delivery_no")),
        new ErpDocNo(rs.getString("sales_order_no")),
        rs.getString("shop_code"),
        new ChannelOrderNo(rs.getString("channel_order_no")),
        rs.getString("warehouse"),
        rs.getString("carrier"),
        rs.getString("tracking_no"),
        instant(rs.getObject("shipped_at", OffsetDateTime.class)),
        List.of());
    return new Stored(rs.getLong("id"), delivery);
  }

  private static Instant instant(@Nullable OffsetDateTime value) {
    if (value == null) {
      throw new IllegalStateException("erp_delivery.shipped_at is null");
    }
    return value.toInstant();
  }

  /** A delivery to insert, with its feed position and number. */
  record NewDelivery(long id, ErpDocNo deliveryNo, Shipment shipment, Instant shippedAt, List<NewLine> lines) {}

  /** One line of a {@link NewDelivery}. */
  record NewLine(int lineNo, String externalLineId, MaterialCode material, long quantity) {}

  /** A delivery with its feed position. */
  record Stored(long id, ErpDelivery delivery) {
    Stored withLines(List<ErpDelivery.Line> lines) {
      ErpDelivery d = delivery;
      return new Stored(id, new ErpDelivery(
          d.deliveryNo(), d.salesOrderNo(), d.shopCode(), d.channelOrderNo(), d.warehouse(), d.carrier(), d.trackingNo(),
          d.shippedAt(), lines));
    }
  }
}
