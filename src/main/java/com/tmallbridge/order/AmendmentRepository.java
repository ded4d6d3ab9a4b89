package com.tmallbridge.order;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.secret.FieldCipher;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code order_trade_amendment}: per trade, what the bridge last sent (or queued) to the ERP
 * for its receiver and notes, and whether the ERP order's cancellation was asked for. Joins the
 * caller's transaction.
 */
@Repository
class AmendmentRepository {
  /** The sealed column of the particulars sent, also its cipher context. */
  static final String SENT_JSON = "order_trade_amendment.sent_json";
  private static final String SELECT = """
      select snapshot_modified, receiver_fp, memo_fp, sent_json, cancel_requested_at, cancel_outcome
        from order_trade_amendment where shop_id = :shop and tid = :tid""";
  private static final String INSERT_SENT = """
      insert into order_trade_amendment (shop_id, tid, snapshot_modified, receiver_fp, memo_fp, sent_json, updated_at)
      values (?, ?, ?, ?, ?, ?, ?)
      on conflict do nothing""";
  private static final String REPLACE_SENT = """
      update order_trade_amendment set snapshot_modified = ?, receiver_fp = ?, memo_fp = ?, sent_json = ?, updated_at = ?
       where shop_id = ? and tid = ?""";

  /**
   * PostgreSQL: one probe of the primary key per tid ({@code offset 0} keeps it a sub-plan, as in
   * {@code OrderRepository}'s states query), whatever the statistics say.
   */
  private static final String CANCELS_REQUESTED_POSTGRESQL = """
      select x.tid
        from unnest(?::varchar[]) q(tid)
        cross join lateral (select a.tid from order_trade_amendment a
                             where a.shop_id = ? and a.tid = q.tid and a.cancel_requested_at is not null offset 0) x""";
  private static final String CANCEL_REQUESTED =
      "select count(*) from order_trade_amendment where shop_id = ? and tid = ? and cancel_requested_at is not null";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final boolean postgresql;
  private final FieldCipher cipher;

  /** @param cipher seals {@code sent_json} ({@value #SENT_JSON}): it holds the receiver as sent to the ERP */
  AmendmentRepository(JdbcClient jdbc, JdbcTemplate template, FieldCipher cipher) {
    this.cipher = cipher;
    this.jdbc = jdbc;
    this.template = template;
    this.postgresql = OrderRepository.isPostgresql(template);
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
          rs.getString("memo_fp"), cipher.open(rs.getString("sent_json"), SENT_JSON), cancel == null ? null : cancel.toInstant(),
          rs.getString("cancel_outcome"));
    }).optional();
  }

  /**
   * What is sent for a trade, from snapshot {@code modified}.
   *
   * @param sentJson the particulars as JSON
   */
  record SentParticulars(String tid, Instant modified, String receiverFp, String notesFp, String sentJson) {}

  /**
   * Records (inserts or replaces) what is sent for several trades of a shop: one batch of inserts,
   * then one batch of updates for the trades that had a row already. The cancellation columns of an
   * existing row are kept.
   */
  void recordSent(ShopId shop, List<SentParticulars> sent, Instant now) {
    if (sent.isEmpty()) {
      return;
    }
    OffsetDateTime at = OrderRepository.utc(now);
    List<Object[]> inserts = new ArrayList<>(sent.size());
    for (SentParticulars p : sent) {
      inserts.add(new Object[] {shop.value(), p.tid(), OrderRepository.utc(p.modified()), p.receiverFp(), p.notesFp(), cipher.seal(p.sentJson(), SENT_JSON), at});
    }
    int[] inserted = template.batchUpdate(INSERT_SENT, inserts);
    List<Object[]> updates = new ArrayList<>();
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i] != 1) { // there was a row (or the driver did not say): replace its values
        SentParticulars p = sent.get(i);
        updates.add(new Object[] {OrderRepository.utc(p.modified()), p.receiverFp(), p.notesFp(), cipher.seal(p.sentJson(), SENT_JSON), at, shop.value(), p.tid()});
      }
    }
    if (!updates.isEmpty()) {
      template.batchUpdate(REPLACE_SENT, updates);
    }
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

  /**
   * The tids among {@code tids} of the shop whose ERP order is to be cancelled. PostgreSQL: one
   * query. H2: a point lookup per tid (an IN list on the second column of the primary key would
   * walk the shop's whole key range; H2 looks one up in microseconds, with no round trip).
   */
  Set<String> cancelRequested(ShopId shop, Collection<String> tids) {
    Set<String> cancelled = new HashSet<>();
    if (postgresql) {
      template.query(CANCELS_REQUESTED_POSTGRESQL, (RowCallbackHandler) rs -> cancelled.add(rs.getString(1)),
          tids.toArray(String[]::new), shop.value());
      return cancelled;
    }
    for (String tid : tids) {
      Long count = template.queryForObject(CANCEL_REQUESTED, Long.class, shop.value(), tid);
      if (count != null && count > 0) {
        cancelled.add(tid);
      }
    }
    return cancelled;
  }

  void cancelOutcome(ShopId shop, String tid, CancelOutcome outcome, Instant now) {
    jdbc.sql("update order_trade_amendment set cancel_outcome = :outcome, updated_at = :now where shop_id = :shop and tid = :tid")
        .param("outcome", outcome.name()).param("now", OrderRepository.utc(now)).param("shop", shop.value()).param("tid", tid)
        .update();
  }
}
