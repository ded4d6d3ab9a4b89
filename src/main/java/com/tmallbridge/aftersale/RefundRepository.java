package com.tmallbridge.aftersale;

import com.tmallbridge.channel.ChannelRefund;
import com.tmallbridge.core.ShopId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code aftersale_refund}, {@code aftersale_refund_status} and {@code aftersale_effect}. */
@Repository
class RefundRepository {
  /** The stages of a case that is not finished, for {@link #unfinishedEarlierCase}. */
  private static final List<String> UNFINISHED_STAGES =
      Arrays.stream(RefundStage.values()).filter(RefundStage::unfinished).map(Enum::name).toList();

  private static final String INSERT = """
      insert into aftersale_refund (shop_id, refund_id, tid, oid, status, status_rank, kind, refund_fee_fen, reported_fee_fen,
          has_good_return, good_status, refund_phase, dispute_type, num, created, modified, stage,
          shipped_after_intercept, reason, raw_json, first_seen_at, updated_at)
      values (:shop, :refundId, :tid, :oid, :status, :rank, :kind, :fee, :fee, :hasGoodReturn, :goodStatus, :phase, :dispute,
          :num, :created, :modified, 'NEW', false, :reason, :raw, :now, :now)
      on conflict do nothing""";
  private static final String UPDATE_NEWER = """
      update aftersale_refund set tid = :tid, oid = :oid, status = :status, status_rank = :rank, kind = :kind, reported_fee_fen = :fee,
             refund_fee_fen = case when paid_fen is not null and :fee > paid_fen then paid_fen else :fee end,
             has_good_return = :hasGoodReturn, good_status = :goodStatus, refund_phase = :phase, dispute_type = :dispute,
             num = :num, created = :created, modified = :modified, reason = :reason, raw_json = :raw, updated_at = :now
       where shop_id = :shop and refund_id = :refundId
         and (modified < :modified or (modified = :modified and status_rank < :rank))""";
  /** The stored row at the given version or a later one: {@link #UPDATE_NEWER} would not touch it. */
  private static final String HOLDS = """
      select count(*) from aftersale_refund
       where shop_id = :shop and refund_id = :refundId
         and (modified > :modified or (modified = :modified and status_rank >= :rank))""";
  private static final String INSERT_STATUS = """
      insert into aftersale_refund_status (shop_id, refund_id, status, modified, seen_at)
      values (:shop, :refundId, :status, :modified, :now)
      on conflict do nothing""";
  private static final String VIEW = """
      select r.*, s.code as shop_code from aftersale_refund r join shop s on s.id = r.shop_id""";
  private static final String LOCK = "select refund_id from aftersale_refund where shop_id = :shop and refund_id = :refundId for update";
  private static final String UPDATE_OUTCOME = """
      update aftersale_refund set stage = :stage, shipping = :shipping, erp_order_no = :erpOrderNo, return_no = :returnNo,
             hold_key = :holdKey, paid_fen = :paid, refund_fee_fen = :fee, shipped_after_intercept = :sai,
             exception_code = :code, exception_message = :message, updated_at = :now
       where shop_id = :shop and refund_id = :refundId""";
  private static final String HOLD_KEY = "select hold_key from aftersale_refund where shop_id = :shop and refund_id = :refundId";
  private static final String INSERT_EFFECT = """
      insert into aftersale_effect (effect_key, shop_id, refund_id, effect, erp_doc, amount_fen, units, detail, created_at)
      values (:key, :shop, :refundId, :effect, :erpDoc, :amount, :units, :detail, :now)
      on conflict do nothing""";
  /** The replacement sales order of the newest earlier exchange of the same sub-order: where the buyer's goods came from since. */
  private static final String LATEST_REPLACEMENT = """
      select e.erp_doc from aftersale_effect e
        join aftersale_refund p on p.shop_id = e.shop_id and p.refund_id = e.refund_id
       where e.shop_id = :shop and e.effect = 'RESHIP' and e.erp_doc is not null
         and p.tid = :tid and p.oid = :oid and p.refund_id <> :refundId and p.created <= :created
       order by p.created desc, p.refund_id desc
       fetch first 1 rows only""";
  /** The first earlier case of the same sub-order whose rules may still move goods (see {@link RefundStage#unfinished()}). */
  private static final String UNFINISHED_EARLIER = """
      select refund_id, stage from aftersale_refund
       where shop_id = :shop and tid = :tid and oid = :oid and refund_id <> :refundId
         and (created < :created or (created = :created and refund_id < :refundId))
         and stage in (:stages)
       order by created, refund_id
       fetch first 1 rows only""";
  private static final String FIRST_SEEN = "select first_seen_at from aftersale_refund where shop_id = :shop and refund_id = :refundId";
  private static final String HISTORY = """
      select status, modified, seen_at from aftersale_refund_status
       where shop_id = :shop and refund_id = :refundId order by modified, id""";
  private static final String EFFECTS = """
      select effect, erp_doc, amount_fen, units, detail, created_at from aftersale_effect
       where shop_id = :shop and refund_id = :refundId order by created_at, effect_key""";

  private final JdbcClient jdbc;

  RefundRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the snapshot when the refund is new or the snapshot is newer than the stored one, and
   * records its status in the history.
   *
   * @return whether the snapshot was applied
   */
  boolean apply(ShopId shop, ChannelRefund r, Instant now) {
    Map<String, Object> p = new HashMap<>();
    p.put("shop", shop.value());
    p.put("refundId", r.refundId());
    p.put("tid", r.tid());
    p.put("oid", r.oid());
    p.put("status", r.status());
    p.put("rank", statusRank(r.status()));
    p.put("kind", RefundKind.of(r).name());
    p.put("fee", r.refundFeeFen());
    p.put("hasGoodReturn", r.hasGoodReturn());
    p.put("goodStatus", r.goodStatus());
    p.put("phase", r.refundPhase());
    p.put("dispute", r.disputeType());
    p.put("num", r.num());
    p.put("created", utc(r.created()));
    p.put("modified", utc(r.modified()));
    p.put("reason", r.reason() == null ? null : truncate(r.reason(), 200));
    p.put("raw", r.rawJson());
    p.put("now", utc(now));
    boolean applied = jdbc.sql(INSERT).params(p).update() == 1 || jdbc.sql(UPDATE_NEWER).params(p).update() == 1;
    if (applied) {
      jdbc.sql(INSERT_STATUS).param("shop", shop.value()).param("refundId", r.refundId()).param("status", r.status())
          .param("modified", utc(r.modified())).param("now", utc(now)).update();
    }
    return applied;
  }

  /**
   * Whether the refund is stored at {@code modified} with {@code status}, or at a later version:
   * a snapshot of that version would not be applied ({@link #apply}).
   */
  boolean holds(ShopId shop, String refundId, Instant modified, String status) {
    return jdbc.sql(HOLDS).param("shop", shop.value()).param("refundId", refundId).param("modified", utc(modified))
        .param("rank", statusRank(status)).query(Long.class).single() > 0;
  }

  /**
   * Order of statuses within one second: TOP's {@code modified} has second precision, so two
   * changes in one second arrive with equal times; the later step of the case wins.
   */
  static int statusRank(String status) {
    return switch (status) {
      case "WAIT_SELLER_AGREE" -> 1;
      case "SELLER_REFUSE_BUYER" -> 2;
      case "WAIT_BUYER_RETURN_GOODS" -> 3;
      case "WAIT_SELLER_CONFIRM_GOODS" -> 4;
      case "CLOSED", "SUCCESS" -> 5;
      default -> 0;
    };
  }

  /** Locks the refund's row until the transaction ends and reads it; empty when unknown. */
  Optional<RefundView> lock(ShopId shop, String refundId) {
    if (jdbc.sql(LOCK).param("shop", shop.value()).param("refundId", refundId).query(String.class).optional().isEmpty()) {
      return Optional.empty();
    }
    return find(shop, refundId);
  }

  Optional<RefundView> find(ShopId shop, String refundId) {
    return jdbc.sql(VIEW + " where r.shop_id = :shop and r.refund_id = :refundId").param("shop", shop.value())
        .param("refundId", refundId).query(RefundRepository::view).optional();
  }

  List<ShopId> shopsWith(String refundId) {
    return jdbc.sql("select shop_id from aftersale_refund where refund_id = :refundId order by shop_id").param("refundId", refundId)
        .query((rs, n) -> new ShopId(rs.getLong(1))).list();
  }

  @Nullable String holdKey(ShopId shop, String refundId) {
    return jdbc.sql(HOLD_KEY).param("shop", shop.value()).param("refundId", refundId).query(String.class).optional().orElse(null);
  }

  void saveOutcome(ShopId shop, String refundId, Outcome o, Instant now) {
    Map<String, Object> p = new HashMap<>();
    p.put("shop", shop.value());
    p.put("refundId", refundId);
    p.put("stage", o.stage().name());
    p.put("shipping", o.shipping());
    p.put("erpOrderNo", o.erpOrderNo());
    p.put("returnNo", o.returnNo());
    p.put("holdKey", o.holdKey());
    p.put("paid", o.paidFen());
    p.put("fee", o.refundFeeFen());
    p.put("sai", o.shippedAfterIntercept());
    p.put("code", o.exceptionCode());
    p.put("message", o.exceptionMessage() == null ? null : truncate(o.exceptionMessage(), 2000));
    p.put("now", utc(now));
    jdbc.sql(UPDATE_OUTCOME).params(p).update();
  }

  /** Records an effect once per key; returns whether it was recorded now. */
  boolean recordEffect(String key, ShopId shop, String refundId, String effect, @Nullable String erpDoc, @Nullable Long amountFen,
      @Nullable Long units, String detail, Instant now) {
    Map<String, Object> p = new HashMap<>();
    p.put("key", truncate(key, 160));
    p.put("shop", shop.value());
    p.put("refundId", refundId);
    p.put("effect", effect);
    p.put("erpDoc", erpDoc);
    p.put("amount", amountFen);
    p.put("units", units);
    p.put("detail", truncate(detail, 500));
    p.put("now", utc(now));
    return jdbc.sql(INSERT_EFFECT).params(p).update() == 1;
  }

  /** Refunds, newest first, filtered by whichever arguments are not null. */
  List<RefundView> list(@Nullable ShopId shop, @Nullable String status, @Nullable String tid, int limit) {
    return list(shop == null ? null : List.of(shop), status, tid, 0, limit);
  }

  /** Refunds of {@code shops} (null: all), newest first, filtered by the non-null arguments. */
  List<RefundView> list(java.util.@Nullable Collection<ShopId> shops, @Nullable String status, @Nullable String tid, int offset, int limit) {
    StringBuilder sql = new StringBuilder(VIEW).append(" where 1 = 1");
    Map<String, Object> p = new HashMap<>();
    if (shops != null) {
      sql.append(" and r.shop_id in (:shops)");
      p.put("shops", shops.stream().map(ShopId::value).toList());
    }
    if (status != null) {
      sql.append(" and r.status = :status");
      p.put("status", status);
    }
    if (tid != null) {
      sql.append(" and r.tid = :tid");
      p.put("tid", tid);
    }
    sql.append(" order by r.modified desc, r.refund_id desc limit :limit offset :offset");
    p.put("limit", limit);
    p.put("offset", offset);
    return jdbc.sql(sql.toString()).params(p).query(RefundRepository::view).list();
  }

  /** Newest first, of the given shops, optionally one stage and trades whose id starts with {@code tidPrefix}. */
  List<RefundView> search(java.util.Collection<ShopId> shops, @Nullable RefundStage stage, @Nullable String tidPrefix, int limit) {
    if (shops.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder(VIEW).append(" where r.shop_id in (:shops)");
    Map<String, Object> p = new HashMap<>();
    p.put("shops", shops.stream().map(ShopId::value).toList());
    if (stage != null) {
      sql.append(" and r.stage = :stage");
      p.put("stage", stage.name());
    }
    if (tidPrefix != null && !tidPrefix.isBlank()) {
      sql.append(" and r.tid like :tid");
      p.put("tid", tidPrefix.strip().replace("%", "").replace("_", "") + "%");
    }
    sql.append(" order by r.modified desc, r.refund_id desc limit :limit");
    p.put("limit", limit);
    return jdbc.sql(sql.toString()).params(p).query(RefundRepository::view).list();
  }

  /**
   * The ERP number of the replacement sales order made for the newest earlier exchange of {@code r}'s
   * sub-order, if any: after an exchange the buyer holds the replacement's goods, so a later return
   * or exchange of the sub-order takes them back from that order, not from the original one.
   */
  Optional<String> latestReplacement(ShopId shop, RefundView r) {
    return jdbc.sql(LATEST_REPLACEMENT).param("shop", shop.value()).param("tid", r.tid()).param("oid", r.oid())
        .param("refundId", r.refundId()).param("created", utc(r.created())).query(String.class).optional();
  }

  /**
   * The first case of {@code r}'s sub-order created before it (by Tmall's {@code created}, then
   * refund id) whose stage is {@linkplain RefundStage#unfinished() unfinished}; empty when none.
   */
  Optional<EarlierCase> unfinishedEarlierCase(ShopId shop, RefundView r) {
    return jdbc.sql(UNFINISHED_EARLIER).param("shop", shop.value()).param("tid", r.tid()).param("oid", r.oid())
        .param("refundId", r.refundId()).param("created", utc(r.created())).param("stages", UNFINISHED_STAGES)
        .query((rs, n) -> new EarlierCase(rs.getString("refund_id"), RefundStage.valueOf(rs.getString("stage")))).optional();
  }

  /** When the bridge first stored the refund; empty for an unknown refund. */
  Optional<Instant> firstSeen(ShopId shop, String refundId) {
    return jdbc.sql(FIRST_SEEN).param("shop", shop.value()).param("refundId", refundId).query((rs, n) -> instant(rs, "first_seen_at"))
        .optional();
  }

  List<RefundDetail.StatusSeen> history(ShopId shop, String refundId) {
    return jdbc.sql(HISTORY).param("shop", shop.value()).param("refundId", refundId).query((rs, n) -> new RefundDetail.StatusSeen(
        rs.getString("status"), instant(rs, "modified"), instant(rs, "seen_at"))).list();
  }

  List<RefundDetail.Effect> effects(ShopId shop, String refundId) {
    return jdbc.sql(EFFECTS).param("shop", shop.value()).param("refundId", refundId).query((rs, n) -> new RefundDetail.Effect(
        rs.getString("effect"), rs.getString("erp_doc"), nullableLong(rs, "amount_fen"), nullableLong(rs, "units"),
        rs.getString("detail"), instant(rs, "created_at"))).list();
  }

  /** Refunds per (shipping side) and the demo's check figures, over all shops. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("""
        select count(*) as total,
               sum(case when shipping = 'BEFORE' then 1 else 0 end) as before_shipping,
               sum(case when shipping = 'AFTER' then 1 else 0 end) as after_shipping,
               sum(case when shipped_after_intercept then 1 else 0 end) as shipped_after_intercept,
               sum(case when exception_code is not null then 1 else 0 end) as exceptions
          from aftersale_refund""").query(rs -> {
      counts.put("total", rs.getLong("total"));
      counts.put("beforeShipping", rs.getLong("before_shipping"));
      counts.put("afterShipping", rs.getLong("after_shipping"));
      counts.put("shippedAfterIntercept", rs.getLong("shipped_after_intercept"));
      counts.put("exceptions", rs.getLong("exceptions"));
    });
    counts.put("returned", jdbc.sql("select count(*) from (select distinct shop_id, refund_id from aftersale_effect where effect = 'RECEIVE_RETURN') x")
        .query(Long.class).single());
    return counts;
  }

  /** Every refund, for the unreflected check. */
  List<RefundView> all() {
    return jdbc.sql(VIEW + " order by r.shop_id, r.refund_id").query(RefundRepository::view).list();
  }

  private static RefundView view(ResultSet rs, int row) throws SQLException {
    return new RefundView(
        rs.getLong("shop_id"), rs.getString("shop_code"), rs.getString("refund_id"), rs.getString("tid"), rs.getString("oid"),
        rs.getString("status"), RefundKind.valueOf(rs.getString("kind")), rs.getLong("refund_fee_fen"), rs.getLong("reported_fee_fen"),
        nullableLong(rs, "paid_fen"), rs.getString("refund_phase"), rs.getString("dispute_type"), rs.getInt("num"),
        instant(rs, "created"), instant(rs, "modified"), RefundStage.valueOf(rs.getString("stage")), rs.getString("shipping"),
        rs.getString("erp_order_no"), rs.getString("return_no"), rs.getBoolean("shipped_after_intercept"),
        rs.getString("exception_code"), rs.getString("exception_message"));
  }

  private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
  }

  /** An earlier case of a sub-order and its stage. */
  record EarlierCase(String refundId, RefundStage stage) {}

  /** What the rules decided, to store on the refund. */
  record Outcome(
      RefundStage stage,
      @Nullable String shipping,
      @Nullable String erpOrderNo,
      @Nullable String returnNo,
      @Nullable String holdKey,
      @Nullable Long paidFen,
      long refundFeeFen,
      boolean shippedAfterIntercept,
      @Nullable String exceptionCode,
      @Nullable String exceptionMessage) {}
}
