package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.finance.CompletenessReport.Gap;
import com.tmallbridge.finance.CompletenessReport.GapOutcome;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@code finance_completeness_day} and {@code finance_completeness_gap}: the latest check of each (shop, day). */
@Repository
class CompletenessRepository {
  private static final String DELETE_DAY = "delete from finance_completeness_day where shop_id = :shop and biz_day = :day";
  private static final String DELETE_GAPS = "delete from finance_completeness_gap where shop_id = :shop and biz_day = :day";
  private static final String INSERT_DAY = """
      insert into finance_completeness_day (shop_id, biz_day, checked_at, tmall_created, tmall_paid, erp_created, erp_paid, gaps, recovered)
      values (:shop, :day, :at, :tmallCreated, :tmallPaid, :erpCreated, :erpPaid, :gaps, :recovered)""";
  private static final String INSERT_GAP = """
      insert into finance_completeness_gap (shop_id, biz_day, tid, outcome, detail) values (:shop, :day, :tid, :outcome, :detail)""";
  private static final String FIND_DAY = """
      select checked_at, tmall_created, tmall_paid, erp_created, erp_paid from finance_completeness_day
       where shop_id = :shop and biz_day = :day""";
  private static final String FIND_GAPS = """
      select tid, outcome, detail from finance_completeness_gap where shop_id = :shop and biz_day = :day order by tid""";

  private final JdbcClient jdbc;

  CompletenessRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the stored check of the report's (shop, day). */
  @Transactional
  void save(CompletenessReport r) {
    long shop = r.shopId().value();
    jdbc.sql(DELETE_GAPS).param("shop", shop).param("day", r.day()).update();
    jdbc.sql(DELETE_DAY).param("shop", shop).param("day", r.day()).update();
    jdbc.sql(INSERT_DAY).param("shop", shop).param("day", r.day()).param("at", ReconciliationRepository.utc(r.checkedAt()))
        .param("tmallCreated", r.tmallCreated()).param("tmallPaid", r.tmallPaid()).param("erpCreated", r.erpCreated())
        .param("erpPaid", r.erpPaid()).param("gaps", r.gaps().size()).param("recovered", r.recovered()).update();
    for (Gap g : r.gaps()) {
      jdbc.sql(INSERT_GAP).param("shop", shop).param("day", r.day()).param("tid", g.tid()).param("outcome", g.outcome().name())
          .param("detail", g.detail()).update();
    }
  }

  Optional<CompletenessReport> find(ShopId shop, LocalDate day) {
    List<Gap> gaps = jdbc.sql(FIND_GAPS).param("shop", shop.value()).param("day", day)
        .query((rs, i) -> new Gap(rs.getString("tid"), GapOutcome.valueOf(rs.getString("outcome")), rs.getString("detail"))).list();
    return jdbc.sql(FIND_DAY).param("shop", shop.value()).param("day", day)
        .query((rs, i) -> new CompletenessReport(shop, day, rs.getObject("checked_at", OffsetDateTime.class).toInstant(),
            rs.getInt("tmall_created"), rs.getInt("tmall_paid"), rs.getInt("erp_created"), rs.getInt("erp_paid"), gaps))
        .optional();
  }
}
