package com.tmallbridge.finance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staging and result SQL of the reconciliation ({@code finance_recon_*}, {@code
 * finance_difference}). Every statement is set-based and runs the same on H2 (PostgreSQL mode)
 * and PostgreSQL.
 *
 * <p>The Tmall side is read straight from the order module's {@code order_trade} and the after-sale
 * module's {@code aftersale_refund} with one {@code INSERT ... SELECT} each (no Java dependency,
 * read-only): their façades hand out one trade or all refunds at a time, which a month of a large
 * shop cannot afford. The columns read are listed in {@code docs/money.md}.
 */
@Repository
class ReconciliationRepository {
  private static final String CLOSED = "('TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO')";

  private static final String INSERT_RUN = """
      insert into finance_recon_run (shop_id, first_day, last_day, started_at, outcome)
      values (:shop, :first, :last, :now, 'RUNNING')""";
  private static final String FINISH_RUN = """
      update finance_recon_run set finished_at = :now, outcome = :outcome, detail = :detail where id = :run""";
  private static final String STAGE_SPAN = """
      insert into finance_recon_span (run_id, biz_day, from_at, to_at) values (:run, :day, :from, :to)""";
  /** Each trade paid in the run's days with its settlement lines summed by kind, in one pass. */
  private static final String STAGE_TRADES = """
      insert into finance_recon_trade (run_id, tid, biz_day, status, payment_fen, modified, settled_lines, income_fen,
          paid_income_lines, post_fee_fen, refund_fen, commission_fen, points_fen, service_fee_fen, commission_lines, points_lines,
          service_fee_lines)
      select :run, t.tid, d.biz_day, t.status, t.payment_fen, t.modified, count(s.bid),
             coalesce(sum(case when s.kind = 'INCOME' then s.amount_fen end), 0),
             coalesce(sum(case when s.kind = 'INCOME' and s.paid then 1 end), 0),
             coalesce(sum(case when s.kind = 'POST_FEE' then s.amount_fen end), 0),
             coalesce(sum(case when s.kind = 'REFUND' then s.amount_fen end), 0),
             coalesce(sum(case when s.kind = 'COMMISSION' then s.amount_fen end), 0),
             coalesce(sum(case when s.kind = 'POINTS' then s.amount_fen end), 0),
             coalesce(sum(case when s.kind = 'SERVICE_FEE' then s.amount_fen end), 0),
             coalesce(sum(case when s.kind = 'COMMISSION' then 1 end), 0),
             coalesce(sum(case when s.kind = 'POINTS' then 1 end), 0),
             coalesce(sum(case when s.kind = 'SERVICE_FEE' then 1 end), 0)
        from finance_recon_span d
        join order_trade t on t.shop_id = :shop and t.pay_time >= d.from_at and t.pay_time < d.to_at
        left join finance_settlement_line s on s.shop_id = :shop and s.tid = t.tid and s.biz_time >= :linesFrom
       where d.run_id = :run
       group by t.tid, d.biz_day, t.status, t.payment_fen, t.modified""";
  private static final String STAGE_REFUNDS = """
      insert into finance_recon_refund (run_id, tid, refunded_fen, unreflected)
      select :run, r.tid, sum(r.refund_fee_fen), sum(case when r.stage in (:reflectedStages) then 0 else 1 end)
        from finance_recon_trade t
        join aftersale_refund r on r.shop_id = :shop and r.tid = t.tid
       where t.run_id = :run and r.status = 'SUCCESS'
       group by r.tid""";
  private static final String STAGE_UNKNOWN = """
      insert into finance_recon_unknown (run_id, biz_day, tid, settled_fen, lines)
      select :run, d.biz_day, s.tid, sum(s.amount_fen), count(*)
        from finance_recon_span d
        join finance_settlement_line s on s.shop_id = :shop and s.biz_time >= d.from_at and s.biz_time < d.to_at
       where d.run_id = :run and s.tid is not null
         and not exists (select 1 from order_trade o where o.shop_id = s.shop_id and o.tid = s.tid)
       group by d.biz_day, s.tid""";
  /** Fills the ERP side of staged trades; {@code %s} is {@code (cast(? as varchar(32)), ...), ...}. */
  private static final String STAGE_ERP = """
      merge into finance_recon_trade t
      using (values %s) v(tid, doc_no, total_fen, status)
         on t.run_id = ? and t.tid = v.tid
       when matched then update set erp_doc = v.doc_no, erp_total_fen = v.total_fen, erp_status = v.status""";
  private static final String ERP_ROW = "(cast(? as varchar(32)), cast(? as varchar(64)), cast(? as bigint), cast(? as varchar(20)))";
  /** In key order: the ERP then looks each batch up in its unique index page after page, not at random. */
  private static final String TIDS = "select tid from finance_recon_trade where run_id = :run order by tid";
  /** PostgreSQL, where no trade is staged: the same tids read from the trades paid in the run's days. */
  private static final String TIDS_POSTGRESQL = """
      select tid from order_trade where shop_id = :shop and pay_time >= :from and pay_time < :to order by tid""";
  private static final String STAGE_ERP_ROWS_POSTGRESQL = """
      insert into finance_recon_erp (run_id, tid, doc_no, total_fen, status)
      select ?, v.tid, v.doc_no, v.total_fen, v.status
        from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[]) v(tid, doc_no, total_fen, status)""";

  /**
   * The three-way comparison: one statement, one branch per category. {@code %3$s}, {@code %4$s}
   * and {@code %5$s} are the trade, refund and unknown-settlement sources: the staging tables on
   * H2, the same-named columns computed in place on PostgreSQL ({@link #COMPARE_POSTGRESQL}).
   */
  private static final String DIFFERENCES = """
      insert into finance_difference (run_id, shop_id, biz_day, tid, category, tmall_fen, erp_fen, settled_fen, detail)
      select cast(:run as bigint), cast(:shop as bigint), t.biz_day, t.tid, 'MISSING_IN_ERP', t.payment_fen, cast(null as bigint),
             case when t.settled_lines > 0 then t.income_fen + t.post_fee_fen + t.refund_fen end, 'Tmall ' || t.status
        from %3$s t
       where t.run_id = :run and t.erp_doc is null and t.status not in %1$s
      union all
      select cast(:run as bigint), cast(:shop as bigint), t.biz_day, t.tid, 'AMOUNT_MISMATCH', t.payment_fen, t.erp_total_fen,
             cast(null as bigint), 'Tmall ' || t.status || ', ERP ' || t.erp_status || ' ' || t.erp_doc
        from %3$s t
        left join %4$s r on r.run_id = t.run_id and r.tid = t.tid
       where t.run_id = :run and t.erp_doc is not null
         and ((t.erp_status <> 'CANCELLED' and t.erp_total_fen <> t.payment_fen)
           or (t.erp_status = 'CANCELLED' and t.status not in %1$s and coalesce(r.refunded_fen, 0) < t.payment_fen))
      union all
      select cast(:run as bigint), cast(:shop as bigint), t.biz_day, t.tid, 'REFUND_NOT_REFLECTED', t.payment_fen - r.refunded_fen,
             t.erp_total_fen, cast(null as bigint),
             'Tmall ' || t.status || ', ERP ' || t.erp_status || ' ' || t.erp_doc || ': no cancellation, return or adjustment booked'
        from %3$s t
        join %4$s r on r.run_id = t.run_id and r.tid = t.tid
       where t.run_id = :run and r.unreflected > 0 and t.erp_doc is not null and t.erp_status <> 'CANCELLED'
         and t.erp_total_fen > t.payment_fen - r.refunded_fen
      union all
      select cast(:run as bigint), cast(:shop as bigint), u.biz_day, u.tid, 'SETTLED_UNKNOWN_TRADE', cast(null as bigint),
             cast(null as bigint), u.settled_fen, 'settlement lines for a trade never read from Tmall'
        from %5$s u
       where u.run_id = :run
      union all
      select cast(:run as bigint), cast(:shop as bigint), t.biz_day, t.tid, 'UNSETTLED_PAST_DAYS',
             t.payment_fen - coalesce(r.refunded_fen, 0), cast(null as bigint),
             case when t.settled_lines > 0 then t.income_fen end, cast(:unsettledDetail as varchar(500))
        from %3$s t
        left join %4$s r on r.run_id = t.run_id and r.tid = t.tid
       where t.run_id = :run and t.status = 'TRADE_FINISHED' and t.modified < :cutoff
         and t.paid_income_lines = 0 and t.payment_fen - coalesce(r.refunded_fen, 0) > 0
      %2$s
      union all
      select cast(:run as bigint), cast(:shop as bigint), t.biz_day, t.tid, 'SETTLEMENT_MISMATCH',
             t.payment_fen - coalesce(r.refunded_fen, 0), cast(null as bigint), t.income_fen + t.post_fee_fen + t.refund_fen,
             'income + post fee + refunds against paid − refunded'
        from %3$s t
        left join %4$s r on r.run_id = t.run_id and r.tid = t.tid
       where t.run_id = :run and t.paid_income_lines > 0
         and t.income_fen + t.post_fee_fen + t.refund_fen <> t.payment_fen - coalesce(r.refunded_fen, 0)""";
  /** One fee's branch: |charged − rate × income| > tolerance × income + 1 fen, in millionths. */
  private static final String FEE_BRANCH = """
      union all
      select cast(:run as bigint), cast(:shop as bigint), t.biz_day, t.tid, 'FEE_OUT_OF_RATE',
             -((t.income_fen * :%1$sRate + 500000) / 1000000), cast(null as bigint), t.%1$s_fen, cast(:%1$sDetail as varchar(500))
        from %2$s t
       where t.run_id = :run and t.income_fen > 0 and (t.%1$s_lines > 0 or t.paid_income_lines > 0)
         and abs(-t.%1$s_fen * 1000000 - t.income_fen * :%1$sRate) > t.income_fen * :tolerance + 1000000
      """;
  private static final String DIFFERENCES_SQL = differences("finance_recon_trade", "finance_recon_refund", "finance_recon_unknown");

  private static final String DELETE_DIFFERENCES = """
      delete from finance_difference where shop_id = :shop and biz_day >= :first and biz_day <= :last""";
  private static final String DELETE_DAYS = """
      delete from finance_recon_day where shop_id = :shop and biz_day >= :first and biz_day <= :last""";
  /** Each day's totals; {@code %1$s} and {@code %2$s} are the trade and refund sources (see {@link #DIFFERENCES}). */
  private static final String DAY_TOTALS = """
      insert into finance_recon_day (shop_id, biz_day, run_id, ran_at, orders, tmall_paid_fen, tmall_refund_fen, erp_orders, erp_fen,
          settled_fen, fees_fen, differences)
      select :shop, t.biz_day, :run, :now, count(*), sum(t.payment_fen), coalesce(sum(r.refunded_fen), 0), count(t.erp_doc),
             coalesce(sum(case when t.erp_status = 'CANCELLED' then 0 else t.erp_total_fen end), 0),
             sum(t.income_fen + t.post_fee_fen + t.refund_fen), sum(t.commission_fen + t.points_fen + t.service_fee_fen), 0
        from %1$s t
        left join %2$s r on r.run_id = t.run_id and r.tid = t.tid
       where t.run_id = :run
       group by t.biz_day""";
  private static final String INSERT_DAYS = DAY_TOTALS.formatted("finance_recon_trade", "finance_recon_refund");
  /**
   * PostgreSQL: the whole comparison in one statement, with nothing staged but the ERP side
   * ({@code finance_recon_erp}). The {@code trade}, {@code refund} and {@code unknown} sub-queries
   * compute, in one hash-joined pass over the shop's trades paid in the run's days, its settlement
   * lines (dated from {@code :linesFrom}) and its successful refunds, exactly the columns H2 stages
   * in {@code finance_recon_trade}, {@code finance_recon_refund} and {@code finance_recon_unknown};
   * {@code trade} is materialised once and feeds both the differences (a data-modifying sub-query)
   * and the day totals. At 1,000,000 trades writing those rows cost more than comparing them.
   */
  private static final String COMPARE_POSTGRESQL = """
      with trade as materialized (
        select cast(:run as bigint) as run_id, t.tid, cast(t.pay_time at time zone :zone as date) as biz_day, t.status,
               t.payment_fen, t.modified, coalesce(s.lines, 0) as settled_lines,
               cast(coalesce(s.income, 0) as bigint) as income_fen, coalesce(s.paid_income, 0) as paid_income_lines,
               cast(coalesce(s.post_fee, 0) as bigint) as post_fee_fen, cast(coalesce(s.refund, 0) as bigint) as refund_fen,
               cast(coalesce(s.commission, 0) as bigint) as commission_fen, cast(coalesce(s.points, 0) as bigint) as points_fen,
               cast(coalesce(s.service_fee, 0) as bigint) as service_fee_fen, coalesce(s.commission_lines, 0) as commission_lines,
               coalesce(s.points_lines, 0) as points_lines, coalesce(s.service_fee_lines, 0) as service_fee_lines,
               e.doc_no as erp_doc, e.total_fen as erp_total_fen, e.status as erp_status
          from order_trade t
          left join (
            select l.tid, count(*) as lines,
                   sum(l.amount_fen) filter (where l.kind = 'INCOME') as income,
                   count(*) filter (where l.kind = 'INCOME' and l.paid) as paid_income,
                   sum(l.amount_fen) filter (where l.kind = 'POST_FEE') as post_fee,
                   sum(l.amount_fen) filter (where l.kind = 'REFUND') as refund,
                   sum(l.amount_fen) filter (where l.kind = 'COMMISSION') as commission,
                   sum(l.amount_fen) filter (where l.kind = 'POINTS') as points,
                   sum(l.amount_fen) filter (where l.kind = 'SERVICE_FEE') as service_fee,
                   count(*) filter (where l.kind = 'COMMISSION') as commission_lines,
                   count(*) filter (where l.kind = 'POINTS') as points_lines,
                   count(*) filter (where l.kind = 'SERVICE_FEE') as service_fee_lines
              from finance_settlement_line l
             where l.shop_id = :shop and l.biz_time >= :linesFrom and l.tid is not null
             group by l.tid) s on s.tid = t.tid
          left join finance_recon_erp e on e.run_id = :run and e.tid = t.tid
         where t.shop_id = :shop and t.pay_time >= :from and t.pay_time < :to),
      refund as (
        select cast(:run as bigint) as run_id, r.tid, cast(sum(r.refund_fee_fen) as bigint) as refunded_fen,
               sum(case when r.stage in (:reflectedStages) then 0 else 1 end) as unreflected
          from aftersale_refund r
         where r.shop_id = :shop and r.status = 'SUCCESS'
         group by r.tid),
      unknown as (
        select cast(:run as bigint) as run_id, s.biz_day, s.tid, cast(sum(s.amount_fen) as bigint) as settled_fen, count(*) as lines
          from (select cast(l.biz_time at time zone :zone as date) as biz_day, l.tid, l.amount_fen
                  from finance_settlement_line l
                 where l.shop_id = :shop and l.biz_time >= :from and l.biz_time < :to and l.tid is not null
                   and not exists (select 1 from order_trade o where o.shop_id = l.shop_id and o.tid = l.tid)) s
         group by s.biz_day, s.tid),
      differences as (
      %s
      )
      %s""".formatted(differences("trade", "refund", "unknown"), DAY_TOTALS.formatted("trade", "refund"));
  private static final String INSERT_EMPTY_DAY = """
      insert into finance_recon_day (shop_id, biz_day, run_id, ran_at, orders, tmall_paid_fen, tmall_refund_fen, erp_orders, erp_fen,
          settled_fen, fees_fen, differences)
      values (:shop, :day, :run, :now, 0, 0, 0, 0, 0, 0, 0, 0)""";
  private static final String DAYS_PRESENT = """
      select biz_day from finance_recon_day where shop_id = :shop and biz_day >= :first and biz_day <= :last""";
  private static final String COUNT_DIFFERENCES = """
      update finance_recon_day d
         set differences = (select count(*) from finance_difference f where f.shop_id = d.shop_id and f.biz_day = d.biz_day)
       where d.shop_id = :shop and d.biz_day >= :first and d.biz_day <= :last""";
  private static final List<String> STAGING = List.of(
      "finance_recon_span", "finance_recon_trade", "finance_recon_refund", "finance_recon_unknown", "finance_recon_erp");

  private static final String DAYS = """
      select shop_id, biz_day, run_id, ran_at, orders, tmall_paid_fen, tmall_refund_fen, erp_orders, erp_fen, settled_fen, fees_fen
        from finance_recon_day
       where shop_id in (:shops) and biz_day >= :first and biz_day <= :last
       order by biz_day desc, shop_id""";
  private static final String CATEGORY_COUNTS = """
      select shop_id, biz_day, category, count(*) as n
        from finance_difference
       where shop_id in (:shops) and biz_day >= :first and biz_day <= :last
       group by shop_id, biz_day, category""";
  private static final String DIFFERENCE_ROWS = """
      select run_id, shop_id, biz_day, tid, category, tmall_fen, erp_fen, settled_fen, detail
        from finance_difference
       where shop_id = :shop and biz_day = :day and (:category = '' or category = :category)
       order by category, tid
       fetch first %d rows only""";
  private static String differences(String trade, String refund, String unknown) {
    return DIFFERENCES.formatted(CLOSED, FEE_BRANCH.formatted("commission", trade) + FEE_BRANCH.formatted("points", trade)
        + FEE_BRANCH.formatted("service_fee", trade), trade, refund, unknown);
  }

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;
  private final boolean postgresql;

  ReconciliationRepository(NamedParameterJdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.batch = template;
    this.postgresql = Boolean.TRUE.equals(template.getJdbcTemplate().execute(
        (java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
  }

  /**
   * PostgreSQL only: refreshes the statistics of the staged ERP side before the comparison.
   * Autovacuum last saw {@code finance_recon_erp} empty (or holding another run), and a plan made
   * for an empty table joins it row by row. H2 needs no such step.
   */
  void analyzeErpSide() {
    if (postgresql) {
      jdbc.sql("analyze finance_recon_erp").update();
    }
  }

  /**
   * PostgreSQL only, for the current transaction: memory to sort and hash a month of a large shop
   * in (the server's default 4 MB made the staging sort 370,000 settlement lines on disk per 100,000
   * trades), and no JIT compilation, which the planner's over-estimate of the day-bucketing join
   * (12× too many rows) switched on for statements that run in seconds.
   */
  void tuneTransaction() {
    if (postgresql) {
      jdbc.sql("set local work_mem = '256MB'").update();
      jdbc.sql("set local jit = off").update();
    }
  }

  long startRun(long shop, LocalDate first, LocalDate last, Instant now) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(INSERT_RUN).param("shop", shop).param("first", first).param("last", last).param("now", utc(now))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void finishRun(long run, String outcome, @Nullable String detail, Instant now) {
    jdbc.sql(FINISH_RUN).param("run", run).param("outcome", outcome).param("detail", detail, java.sql.Types.VARCHAR)
        .param("now", utc(now)).update();
  }

  /** The run's days with their bounds (GMT+8 midnight to midnight). */
  private void stageSpan(long run, Span span) {
    java.time.ZoneId zone = span.zone();
    SqlParameterSource[] params = span.days().stream().map(d -> new MapSqlParameterSource().addValue("run", run).addValue("day", d)
        .addValue("from", utc(d.atStartOfDay(zone).toInstant())).addValue("to", utc(d.plusDays(1).atStartOfDay(zone).toInstant())))
        .toArray(SqlParameterSource[]::new);
    batch.batchUpdate(STAGE_SPAN, params);
  }

  /**
   * Stages the Tmall and settlement sides of the run's span: on H2 its days with their bounds, the
   * trades paid in them with their settlement lines summed, the settlement lines of unknown trades and
   * the trades' successful refunds; on PostgreSQL nothing, {@link #writeResults} reads them in place.
   */
  void stageLocalSides(long run, Span span, Collection<String> reflectedStages) {
    if (postgresql) {
      return;
    }
    stageSpan(run, span);
    jdbc.sql(STAGE_TRADES).param("run", run).param("shop", span.shop()).param("linesFrom", utc(span.linesFrom())).update();
    jdbc.sql(STAGE_UNKNOWN).param("run", run).param("shop", span.shop()).update();
    jdbc.sql(STAGE_REFUNDS).param("run", run).param("shop", span.shop()).param("reflectedStages", reflectedStages).update();
  }

  /**
   * Every tid of the run's trades in ascending order, read once: paging by {@code tid > ?} made H2
   * read the staged rows again for each page (quadratic: 1,000,000 trades did not finish in 5
   * minutes). About 60 bytes a trade.
   */
  List<String> tids(long run, Span span) {
    if (postgresql) {
      return jdbc.sql(TIDS_POSTGRESQL).param("shop", span.shop()).param("from", utc(span.from())).param("to", utc(span.to()))
          .query(String.class).list();
    }
    return jdbc.sql(TIDS).param("run", run).query(String.class).list();
  }

  /**
   * The ERP's orders of a batch of the run's trades, in one statement: on H2 merged into the staged
   * trade rows, on PostgreSQL appended to {@code finance_recon_erp}. A tid is staged at most once per run.
   */
  void stageErp(long run, List<ErpRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    if (postgresql) {
      batch.getJdbcTemplate().update(STAGE_ERP_ROWS_POSTGRESQL, run, rows.stream().map(ErpRow::tid).toArray(String[]::new),
          rows.stream().map(ErpRow::docNo).toArray(String[]::new), rows.stream().map(ErpRow::totalFen).toArray(Long[]::new),
          rows.stream().map(ErpRow::status).toArray(String[]::new));
      return;
    }
    String sql = STAGE_ERP.formatted(String.join(", ", java.util.Collections.nCopies(rows.size(), ERP_ROW)));
    List<Object> params = new java.util.ArrayList<>(rows.size() * 4 + 1);
    for (ErpRow r : rows) {
      params.add(r.tid());
      params.add(r.docNo());
      params.add(r.totalFen());
      params.add(r.status());
    }
    params.add(run);
    jdbc.sql(sql).params(params).update();
  }

  record ErpRow(String tid, String docNo, long totalFen, String status) {}

  /**
   * The days of a run of one shop.
   *
   * @param shop the shop's id
   * @param first the first day, in {@code zone}
   * @param last the last day (consecutive with {@code first})
   * @param zone where the days start and end (Tmall's GMT+8)
   */
  record Span(long shop, LocalDate first, LocalDate last, java.time.ZoneId zone) {
    /** The days, oldest first. */
    List<LocalDate> days() {
      return first.datesUntil(last.plusDays(1)).toList();
    }

    /** The first day's start. */
    Instant from() {
      return first.atStartOfDay(zone).toInstant();
    }

    /** The day after the last day's start. */
    Instant to() {
      return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * From when a trade's settlement lines count: the day before the first day. Alipay settles a
     * payment after it is made, so no line of a trade paid in the span is dated earlier; the day of
     * margin covers clocks a little apart. Bounding the lines by date keeps a run from reading the
     * shop's whole settlement history.
     */
    Instant linesFrom() {
      return first.minusDays(1).atStartOfDay(zone).toInstant();
    }
  }

  /** Replaces the results of the run's days with the staged comparison. */
  void writeResults(long run, Span span, Collection<String> reflectedStages, DifferenceRules rules, Instant now) {
    long shop = span.shop();
    LocalDate first = span.first();
    LocalDate last = span.last();
    jdbc.sql(DELETE_DIFFERENCES).param("shop", shop).param("first", first).param("last", last).update();
    jdbc.sql(DELETE_DAYS).param("shop", shop).param("first", first).param("last", last).update();
    MapSqlParameterSource p = new MapSqlParameterSource().addValue("run", run).addValue("shop", shop)
        .addValue("cutoff", utc(rules.unsettledCutoff())).addValue("unsettledDetail", rules.unsettledDetail())
        .addValue("tolerance", rules.tolerancePerMillion()).addValue("now", utc(now));
    rules.fees().forEach(f -> p.addValue(f.column() + "Rate", f.ratePerMillion()).addValue(f.column() + "Detail", f.detail()));
    if (postgresql) {
      p.addValue("zone", span.zone().getId()).addValue("from", utc(span.from())).addValue("to", utc(span.to()))
          .addValue("linesFrom", utc(span.linesFrom())).addValue("reflectedStages", reflectedStages);
      // Sub-query scans have no statistics: the planner guesses a few rows for each filter on
      // `trade` and then joins `refund` to it in a nested loop, 50,000 × 20,000 comparisons at 1M trades.
      jdbc.sql("set local enable_nestloop = off").update();
      batch.update(COMPARE_POSTGRESQL, p);
      jdbc.sql("set local enable_nestloop = on").update();
    } else {
      batch.update(DIFFERENCES_SQL, p);
      batch.update(INSERT_DAYS, p);
    }
    java.util.Set<LocalDate> present = new java.util.HashSet<>(jdbc.sql(DAYS_PRESENT).param("shop", shop).param("first", first)
        .param("last", last).query(LocalDate.class).list());
    for (LocalDate day : span.days().stream().filter(d -> !present.contains(d)).toList()) {
      jdbc.sql(INSERT_EMPTY_DAY).param("run", run).param("shop", shop).param("day", day).param("now", utc(now)).update();
    }
    jdbc.sql(COUNT_DIFFERENCES).param("shop", shop).param("first", first).param("last", last).update();
  }

  void clearStaging(long run) {
    for (String table : STAGING) {
      jdbc.sql("delete from " + table + " where run_id = :run").param("run", run).update();
    }
  }

  /** Summaries of the shops' days in {@code [first, last]}, newest day first. */
  List<DaySummary> days(Collection<Long> shops, LocalDate first, LocalDate last) {
    if (shops.isEmpty()) {
      return List.of();
    }
    Map<String, Map<DifferenceCategory, Integer>> counts = new java.util.HashMap<>();
    jdbc.sql(CATEGORY_COUNTS).param("shops", shops).param("first", first).param("last", last).query(rs -> {
      counts.computeIfAbsent(rs.getLong("shop_id") + "/" + rs.getObject("biz_day", LocalDate.class), k -> new java.util.EnumMap<>(
          DifferenceCategory.class)).put(DifferenceCategory.valueOf(rs.getString("category")), rs.getInt("n"));
    });
    return jdbc.sql(DAYS).param("shops", shops).param("first", first).param("last", last).query((rs, i) -> {
      long shop = rs.getLong("shop_id");
      LocalDate day = rs.getObject("biz_day", LocalDate.class);
      Map<DifferenceCategory, Integer> perCategory = new java.util.EnumMap<>(DifferenceCategory.class);
      for (DifferenceCategory c : DifferenceCategory.values()) {
        perCategory.put(c, 0);
      }
      perCategory.putAll(counts.getOrDefault(shop + "/" + day, Map.of()));
      return new DaySummary(new com.tmallbridge.core.ShopId(shop), day, rs.getLong("run_id"),
          rs.getObject("ran_at", OffsetDateTime.class).toInstant(), rs.getInt("orders"), rs.getLong("tmall_paid_fen"),
          rs.getLong("tmall_refund_fen"), rs.getInt("erp_orders"), rs.getLong("erp_fen"), rs.getLong("settled_fen"),
          rs.getLong("fees_fen"), perCategory);
    }).list();
  }

  List<Difference> differences(long shop, LocalDate day, @Nullable DifferenceCategory category, int limit) {
    return jdbc.sql(DIFFERENCE_ROWS.formatted(limit)).param("shop", shop).param("day", day)
        .param("category", category == null ? "" : category.name())
        .query((rs, i) -> new Difference(rs.getLong("run_id"), new com.tmallbridge.core.ShopId(rs.getLong("shop_id")),
            rs.getObject("biz_day", LocalDate.class), rs.getString("tid"), DifferenceCategory.valueOf(rs.getString("category")),
            nullableLong(rs, "tmall_fen"), nullableLong(rs, "erp_fen"), nullableLong(rs, "settled_fen"), rs.getString("detail")))
        .list();
  }

  private static @Nullable Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
