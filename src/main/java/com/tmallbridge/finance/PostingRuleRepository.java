package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code finance_posting_rule}: the default rules (shop_id null) and shops' own. */
@Repository
class PostingRuleRepository {
  private static final String COLUMNS = "shop_id, kind, debit_account, credit_account, vat_account, vat_rate, explanation, summary_explanation";

  private final JdbcClient jdbc;

  PostingRuleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored rule with the shop it belongs to (null: the default). */
  record Stored(@Nullable Long shopId, PostingRule rule) {}

  /** The default rules and, when {@code shop} is given, that shop's own. */
  List<Stored> rulesFor(@Nullable ShopId shop) {
    return jdbc.sql("select " + COLUMNS + " from finance_posting_rule where shop_id is null or shop_id = :shop order by kind, shop_id")
        .param("shop", shop == null ? -1L : shop.value())
        .query((rs, i) -> new Stored(rs.getObject(1) == null ? null : rs.getLong(1), new PostingRule(
            PostingKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getBigDecimal(6), rs.getString(7), rs.getString(8)))).list();
  }

  Optional<PostingRule> find(@Nullable ShopId shop, PostingKind kind) {
    return rulesFor(shop).stream()
        .filter(s -> s.rule().kind() == kind && (shop == null ? s.shopId() == null : Long.valueOf(shop.value()).equals(s.shopId())))
        .map(Stored::rule).findFirst();
  }

  /** Inserts or replaces the rule of ({@code shop}, its kind). */
  void put(@Nullable ShopId shop, PostingRule rule, Instant now) {
    String where = shop == null ? "shop_id is null" : "shop_id = :shop";
    int updated = jdbc.sql("update finance_posting_rule set debit_account = :debit, credit_account = :credit, vat_account = :vatAccount,"
            + " vat_rate = :vatRate, explanation = :explanation, summary_explanation = :summary, updated_at = :now where " + where + " and kind = :kind")
        .param("shop", shop == null ? null : shop.value()).param("kind", rule.kind().name())
        .param("debit", rule.debitAccount()).param("credit", rule.creditAccount()).param("vatAccount", rule.vatAccount())
        .param("vatRate", rule.vatRate(), java.sql.Types.NUMERIC).param("explanation", rule.explanation()).param("summary", rule.summary())
        .param("now", now.atOffset(ZoneOffset.UTC)).update();
    if (updated == 0) {
      jdbc.sql("insert into finance_posting_rule (" + COLUMNS + ", updated_at)"
              + " values (:shop, :kind, :debit, :credit, :vatAccount, :vatRate, :explanation, :summary, :now)")
          .param("shop", shop == null ? null : shop.value(), java.sql.Types.BIGINT).param("kind", rule.kind().name())
          .param("debit", rule.debitAccount()).param("credit", rule.creditAccount()).param("vatAccount", rule.vatAccount(), java.sql.Types.VARCHAR)
          .param("vatRate", rule.vatRate(), java.sql.Types.NUMERIC).param("explanation", rule.explanation()).param("summary", rule.summary())
          .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }
  }

  /** Removes a shop's own rule of {@code kind}; the default applies again. */
  boolean remove(ShopId shop, PostingKind kind) {
    return jdbc.sql("delete from finance_posting_rule where shop_id = :shop and kind = :kind")
        .param("shop", shop.value()).param("kind", kind.name()).update() > 0;
  }

  /** The granularity row of {@code shop} (null: the default row), if it has one. */
  Optional<VoucherGranularity> granularity(@Nullable ShopId shop) {
    String where = shop == null ? "shop_id is null" : "shop_id = :shop";
    return jdbc.sql("select granularity from finance_voucher_granularity where " + where)
        .param("shop", shop == null ? -1L : shop.value()).query(String.class).optional().map(VoucherGranularity::valueOf);
  }

  /** Inserts or replaces the granularity row of {@code shop} (null: the default row). */
  void putGranularity(@Nullable ShopId shop, VoucherGranularity granularity, Instant now) {
    String where = shop == null ? "shop_id is null" : "shop_id = :shop";
    int updated = jdbc.sql("update finance_voucher_granularity set granularity = :g, updated_at = :now where " + where)
        .param("shop", shop == null ? -1L : shop.value()).param("g", granularity.name()).param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    if (updated == 0) {
      jdbc.sql("insert into finance_voucher_granularity (shop_id, granularity, updated_at) values (:shop, :g, :now)")
          .param("shop", shop == null ? null : shop.value(), java.sql.Types.BIGINT).param("g", granularity.name())
          .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }
  }
}
