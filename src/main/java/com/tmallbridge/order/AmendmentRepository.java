package com.tmallbridge.order;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code order_trade_amendment}: per trade, what the bridge last sent (or queued) to the ERP
 * for its receiver and notes, and whether the ERP order's cancellation was asked for. Joins the
 * caller's transaction.
 */
@Repository
class AmendmentRepository {
  private static final String SELECT = """
      select snapshot_modified, receiver_fp, memo_fp, sent_json, cancel_requested_at, cancel_outcome
        from order_trade_amendment where shop_id = :shop and tid = :tid""";
  private static final String UPDATE_SENT = """
      update order_trade_amendment set snapshot_modified = :modified, receiver_fp = :receiverFp, memo_fp = :memoFp,
             sent_json = :sent, updated_at = :now
       where shop_id = :shop and tid = :tid""";
  private static final String INSERT_SENT = """
      insert into order_trade_amendment (shop_id, tid, snapshot_modified, receiver_fp, memo_fp, sent_json, updated_at)
      values (:shop, :tid, :modified, :receiverFp, :memoFp, :sent, :now)""";

  private final JdbcClient jdbc;

  AmendmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What was sent for a trade.
   *
   * @param modified the snapshot the values come from
   * @param cancelRequestedAt when the cancellation was queued, null if never
   * @param cancelOutcome what the ERP did with it ({@link CancelOutcome}), null while pending
   */
  record Sent(Instant modified, String receiverFingerprint, String notesFingerprint, String sentJson,
      @Nullable Instant cancelRequestedAt, @Nullable String cancelOutcome) {}

  /** What became of a cancellation. */
  enum CancelOutcome {
    /** The ERP order was cancelled. */
    CANCELLED,
    /** There was no ERP order and none will be created. */
    NOT_CREATED,
    /** The ERP refused: goods had shipped. */
    SHIPPED
  }

  Optional<Sent> find(ShopId shop, String tid) {
    return jdbc.sql(SELECT).param("shop", shop.value()).param("tid", tid).query((rs, row) -> {
      OffsetDateTime cancel = rs.getObject("cancel_requested_at", OffsetDateTime.class);
      return new Sent(rs.getObject("snapshot_modified", OffsetDateTime.class).toInstant(), rs.getString("receiver_fp"),
          rs.getString("memo_fp"), rs.getString("sent_json"), cancel == null ? null : cancel.toInstant(),
          rs.getString("cancel_outcome"));
    }).optional();
  }

  /** Records (inserts or replaces) what is sent for a trade, from snapshot {@code modified}. */
  void recordSent(ShopId shop, String tid, Instant modified, String receiverFp, String notesFp, String sentJson, Instant now) {
    int updated = bind(jdbc.sql(UPDATE_SENT), shop, tid, modified, receiverFp, notesFp, sentJson, now).update();
    if (updated == 0) {
      bind(jdbc.sql(INSERT_SENT), shop, tid, modified, receiverFp, notesFp, sentJson, now).update();
    }
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, ShopId shop, String tid, Instant modified, String receiverFp, String notesFp, String sent,
      Instant now) {
    return spec.param("shop", shop.value()).param("tid", tid).param("modified", OrderRepository.utc(modified))
        .param("receiverFp", receiverFp).param("memoFp", notesFp).param("sent", sent).param("now", OrderRepository.utc(now));
  }

  /** Notes that a newer snapshot changed nothing the ERP order carries. */
  void touch(ShopId shop, String tid, Instant modified, Instant now) {
    jdbc.sql("update order_trade_amendment set snapshot_modified = :modified, updated_at = :now where shop_id = :shop and tid = :tid")
        .param("modified", OrderRepository.utc(modified)).param("now", OrderRepository.utc(now))
        .param("shop", shop.value()).param("tid", tid).update();
  }

  /** Marks the cancellation as queued; returns false when it already was. */
  boolean requestCancel(ShopId shop, String tid, Instant now) {
    return jdbc.sql("""
            update order_trade_amendment set cancel_requested_at = :now, updated_at = :now
             where shop_id = :shop and tid = :tid and cancel_requested_at is null""")
        .param("now", OrderRepository.utc(now)).param("shop", shop.value()).param("tid", tid).update() == 1;
  }

  /** Whether the trade's ERP order is to be cancelled (so it must not be created any more). */
  boolean cancelRequested(ShopId shop, String tid) {
    return jdbc.sql("select count(*) from order_trade_amendment where shop_id = :shop and tid = :tid and cancel_requested_at is not null")
        .param("shop", shop.value()).param("tid", tid).query(Long.class).single() > 0;
  }

  void cancelOutcome(ShopId shop, String tid, CancelOutcome outcome, Instant now) {
    jdbc.sql("update order_trade_amendment set cancel_outcome = :outcome, updated_at = :now where shop_id = :shop and tid = :tid")
        .param("outcome", outcome.name()).param("now", OrderRepository.utc(now)).param("shop", shop.value()).param("tid", tid)
        .update();
  }
}
