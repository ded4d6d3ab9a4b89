package com.tmallbridge.product;

import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code product_listing} table. */
@Repository
class ListingRepository {
  private static final String COLUMNS =
      """
      shop_id, num_iid, sku_id, title, properties_name, item_outer_id, outer_id, price_fen, quantity, approve_status,
      on_sale, match_source, match_code, match_problem, read_at, cid""";
  private static final String INSERT =
      "insert into product_listing (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE =
      """
      update product_listing set title = ?, properties_name = ?, item_outer_id = ?, outer_id = ?, price_fen = ?, quantity = ?,
             approve_status = ?, on_sale = ?, match_source = ?, match_code = ?, match_problem = ?, read_at = ?, cid = ?
       where shop_id = ? and num_iid = ? and sku_id = ?""";
  private static final String UPDATE_MATCH =
      "update product_listing set match_source = ?, match_code = ?, match_problem = ? where shop_id = ? and num_iid = ? and sku_id = ?";
  private static final String MARK_GONE =
      "update product_listing set on_sale = false where shop_id = ? and num_iid = ? and sku_id = ?";
  private static final String OF_SHOP = "select " + COLUMNS + " from product_listing where shop_id = ? order by num_iid, sku_id";
  private static final String USING_CODES =
      "select " + COLUMNS + " from product_listing where on_sale = true and match_problem is null and match_code in (:codes)"
          + " order by shop_id, num_iid, sku_id";

  private static final String ALL_MATCHED =
      "select " + COLUMNS + " from product_listing where on_sale = true and match_problem is null and match_code is not null"
          + " order by shop_id, num_iid, sku_id";
  private static final int IN_CHUNK = 500;
  private static final int LARGE_CODE_SET = 2_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  ListingRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Every stored row of the shop, on sale or not, ordered by item and SKU. */
  List<ListingRow> ofShop(ShopId shop) {
    return jdbc.sql(OF_SHOP).params(shop.value()).query(ListingRepository::row).list();
  }

  /**
   * On-sale matched rows of every shop whose match code is one of {@code codes}. Small sets are
   * looked up by index in chunks; a large set (a full pass, a stocktake of everything) reads every
   * matched row once and filters in memory, as a long IN list is evaluated row by row.
   */
  List<ListingRow> matchedTo(Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    if (codes.size() > LARGE_CODE_SET) {
      Set<String> wanted = codes instanceof Set<String> set ? set : new java.util.HashSet<>(codes);
      return jdbc.sql(ALL_MATCHED).query(ListingRepository::row).list().stream().filter(r -> wanted.contains(r.matchCode())).toList();
    }
    List<String> all = List.copyOf(codes);
    List<ListingRow> rows = new java.util.ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      rows.addAll(jdbc.sql(USING_CODES).param("codes", all.subList(from, Math.min(all.size(), from + IN_CHUNK)))
          .query(ListingRepository::row).list());
    }
    rows.sort(java.util.Comparator.comparing((ListingRow r) -> r.shop().value()).thenComparing(ListingRow::numIid)
        .thenComparing(ListingRow::skuId));
    return rows;
  }

  /** Writes rows read now: updates the keys in {@code existingKeys}, inserts the others. */
  void save(List<ListingRow> rows, Set<String> existingKeys) {
    List<ListingRow> updates = rows.stream().filter(r -> existingKeys.contains(r.key())).toList();
    List<ListingRow> inserts = rows.stream().filter(r -> !existingKeys.contains(r.key())).toList();
    template.batchUpdate(UPDATE, updates, 500, (ps, r) -> {
      int i = bindDetails(ps, 1, r);
      ps.setLong(i, r.shop().value());
      ps.setString(i + 1, r.numIid());
      ps.setString(i + 2, r.skuId());
    });
    template.batchUpdate(INSERT, inserts, 500, (ps, r) -> {
      ps.setLong(1, r.shop().value());
      ps.setString(2, r.numIid());
      ps.setString(3, r.skuId());
      ps.setString(4, r.title());
      bindDetails(ps, 5, r);
    });
  }

  void saveMatches(List<ListingRow> rows) {
    template.batchUpdate(UPDATE_MATCH, rows, 500, (ps, r) -> {
      ps.setString(1, r.matchSource() == null ? null : r.matchSource().name());
      ps.setString(2, r.matchCode());
      ps.setString(3, truncate(r.matchProblem(), 500));
      ps.setLong(4, r.shop().value());
      ps.setString(5, r.numIid());
      ps.setString(6, r.skuId());
    });
  }

  void markGone(List<ListingRow> rows) {
    template.batchUpdate(MARK_GONE, rows, 500, (ps, r) -> {
      ps.setLong(1, r.shop().value());
      ps.setString(2, r.numIid());
      ps.setString(3, r.skuId());
    });
  }

  /** Binds from title (update) or properties name (insert) to read_at; returns the next index. */
  private static int bindDetails(java.sql.PreparedStatement ps, int start, ListingRow r) throws SQLException {
    int i = start;
    if (start == 1) {
      ps.setString(i++, truncate(r.title(), 500));
    }
    ps.setString(i++, truncate(r.propertiesName(), 1000));
    ps.setString(i++, r.itemOuterId());
    ps.setString(i++, r.outerId());
    ps.setLong(i++, r.priceFen());
    ps.setInt(i++, r.quantity());
    ps.setString(i++, r.approveStatus());
    ps.setBoolean(i++, r.onSale());
    ps.setString(i++, r.matchSource() == null ? null : r.matchSource().name());
    ps.setString(i++, r.matchCode());
    ps.setString(i++, truncate(r.matchProblem(), 500));
    ps.setObject(i++, r.readAt().atOffset(ZoneOffset.UTC));
    ps.setObject(i++, r.cid(), java.sql.Types.BIGINT);
    return i;
  }

  Set<String> keysOf(List<ListingRow> rows) {
    Set<String> keys = new HashSet<>();
    rows.forEach(r -> keys.add(r.key()));
    return keys;
  }

  private static ListingRow row(ResultSet rs, int n) throws SQLException {
    String source = rs.getString("match_source");
    return new ListingRow(
        new ShopId(rs.getLong("shop_id")), rs.getString("num_iid"), rs.getString("sku_id"), rs.getString("title"),
        rs.getString("properties_name"), rs.getString("item_outer_id"), rs.getString("outer_id"), rs.getLong("price_fen"),
        rs.getInt("quantity"), rs.getString("approve_status"), rs.getBoolean("on_sale"),
        source == null ? null : MatchSource.valueOf(source), rs.getString("match_code"), rs.getString("match_problem"),
        rs.getObject("read_at", OffsetDateTime.class).toInstant(), rs.getObject("cid", Long.class));
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
