package com.tmallbridge.finance;

import com.tmallbridge.channel.TradeCensus;
import com.tmallbridge.channel.TradeCensus.TradeStamp;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.finance.CompletenessReport.Gap;
import com.tmallbridge.finance.CompletenessReport.GapOutcome;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.order.Refetched;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.shop.Shop;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The daily completeness check of one shop: lists the trades Tmall holds for the day
 * (taobao.trades.sold.get by created time, from {@code pay-lookback-days} before the day so that
 * trades paid in the day but created earlier count too), looks their sales orders up in the ERP
 * ({@link SalesOrderQuery#findByChannelOrders}), re-fetches every paid trade the ERP lacks through
 * the order module, delivers what that queued, and looks the gaps up again.
 */
@Component
class CompletenessCheck {
  private static final Set<String> CLOSED = Set.of("TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO");

  private final TradeCensus census;
  private final ErpRegistry erp;
  private final OrderManagement orders;
  private final OrderSync sync;
  private final CompletenessRepository repository;
  private final ReconciliationProperties settings;
  private final Clock clock;

  CompletenessCheck(TradeCensus census, ErpRegistry erp, OrderManagement orders, OrderSync sync, CompletenessRepository repository,
      ReconciliationProperties settings, Clock clock) {
    this.census = census;
    this.erp = erp;
    this.orders = orders;
    this.sync = sync;
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
  }

  CompletenessReport check(Shop shop, LocalDate day) {
    Instant dayStart = day.atStartOfDay(Reconciler.TMALL_ZONE).toInstant();
    Instant dayEnd = day.plusDays(1).atStartOfDay(Reconciler.TMALL_ZONE).toInstant();
    Instant listFrom = day.minusDays(settings.payLookbackDays()).atStartOfDay(Reconciler.TMALL_ZONE).toInstant();
    List<TradeStamp> listed = census.createdBetween(shop.credentials(), listFrom, dayEnd.minusSeconds(1));
    Predicate<Instant> inDay = t -> !t.isBefore(dayStart) && t.isBefore(dayEnd);
    List<TradeStamp> created = listed.stream().filter(t -> inDay.test(t.created())).toList();
    List<TradeStamp> paid = listed.stream().filter(t -> t.payTime() != null && inDay.test(t.payTime())).toList();
    Set<String> inErp = inErp(shop, union(created, paid));
    int erpCreated = (int) created.stream().filter(t -> inErp.contains(t.tid())).count();
    int erpPaid = (int) paid.stream().filter(t -> inErp.contains(t.tid())).count();
    Map<String, TradeStamp> byTid = new java.util.HashMap<>();
    listed.forEach(t -> byTid.put(t.tid(), t));
    List<String> gapTids = union(created, paid).stream()
        .filter(tid -> !inErp.contains(tid))
        .filter(tid -> byTid.get(tid).payTime() != null && !CLOSED.contains(byTid.get(tid).status()))
        .toList();
    List<Gap> gaps = gapTids.isEmpty() ? List.of() : recover(shop, gapTids);
    CompletenessReport report = new CompletenessReport(shop.id(), day, clock.instant(), created.size(), paid.size(), erpCreated, erpPaid,
        gaps);
    repository.save(report);
    return report;
  }

  private List<Gap> recover(Shop shop, List<String> gapTids) {
    List<Refetched> refetched = orders.refetch(shop.id(), gapTids);
    sync.drain();
    Set<String> nowInErp = inErp(shop, gapTids);
    List<Gap> gaps = new ArrayList<>();
    for (Refetched r : refetched) {
      gaps.add(gap(r, nowInErp.contains(r.tid())));
    }
    return gaps;
  }

  private static Gap gap(Refetched r, boolean inErpNow) {
    if (inErpNow) {
      return new Gap(r.tid(), GapOutcome.RECOVERED, "re-fetched from Tmall and delivered to the ERP");
    }
    if (r.outcome() == Refetched.Outcome.NOT_ON_CHANNEL) {
      return new Gap(r.tid(), GapOutcome.NOT_ON_TMALL, "Tmall no longer returns the trade");
    }
    TradeState state = r.state();
    if (state == TradeState.EXCEPTION) {
      return new Gap(r.tid(), GapOutcome.HELD, "held by the bridge: see bridge exceptions list");
    }
    if (state == TradeState.EXPORTED) {
      return new Gap(r.tid(), GapOutcome.EXPORTED_BUT_ABSENT, "the bridge exported it but the ERP does not hold it");
    }
    return new Gap(r.tid(), GapOutcome.QUEUED, "re-fetched, waiting in the outbox for the ERP (state " + state + ")");
  }

  private Set<String> inErp(Shop shop, List<String> tids) {
    Set<String> found = new java.util.HashSet<>();
    SalesOrderQuery query = erp.capability(SalesOrderQuery.class);
    for (int i = 0; i < tids.size(); i += settings.erpBatch()) {
      List<ChannelOrderNo> batch = tids.subList(i, Math.min(tids.size(), i + settings.erpBatch())).stream().map(ChannelOrderNo::new).toList();
      for (Map.Entry<ChannelOrderNo, ?> e : query.findByChannelOrders(shop.code(), batch).entrySet()) {
        found.add(e.getKey().value());
      }
    }
    return found;
  }

  private static List<String> union(List<TradeStamp> a, List<TradeStamp> b) {
    Set<String> tids = new LinkedHashSet<>();
    a.forEach(t -> tids.add(t.tid()));
    b.forEach(t -> tids.add(t.tid()));
    return List.copyOf(tids);
  }
}
