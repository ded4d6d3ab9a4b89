package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.testsupport.PostgresOnly;
import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.RunsAlongside;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end as {@code ./bridge demo} runs it, on the test database: TMC pushed by the
 * sandbox, polling as the safety net, a fifth of the API calls failing. Every paid trade reaches the
 * ERP exactly once with the right amount; the ERP ships most of them, some in parcels, and Tmall
 * shows every parcel; refunds before shipping are intercepted and refunds after shipping come back
 * as returns; stock stays exact; every check of the report is 0 and nothing waits for an operator.
 * {@link DemoPollingOnlyIntegrationTests} runs the same without TMC and without faults. On
 * PostgreSQL only: CI's smoke run of the packaged {@code ./bridge demo} (1,000 trades, faults 0.2)
 * is the same run on H2.
 */
@PostgresOnly("the smoke ./bridge demo in .ci/run runs the demo with TMC and faults on H2")
@DatabaseTest
@RunsAlongside("a bridge of its own (DemoBridge: its own context and database); mostly the demo's waits for its shop's day")
class DemoIntegrationTests {
  private static final DemoOptions OPTIONS = new DemoOptions(400, 12, 0.2, Duration.ofMinutes(5));

  @TempDir Path data;

  @Test
  void everyCheckIsZeroWithPushedMessagesAndFaults() throws Exception {
    List<DemoProgress> progress = new ArrayList<>();
    DemoReport report;
    try (TmallSandbox sandbox = DemoRunner.startSandbox(OPTIONS, Clock.systemUTC());
        DemoBridge bridge = DemoBridge.start(data, "bridge.order.poll-interval=1s", "bridge.channel.tmall.tmc.enabled=true",
            "bridge.finance.safety-lag=0s", "bridge.finance.min-split-window=1s", "bridge.channel.tmall.tmc.url=" + sandbox.tmcUrl())) {
      report = bridge.bean(DemoRunner.class).run(sandbox, OPTIONS, progress::add);
    }

    System.out.println("demo report: " + report.toMap());
    assertEveryCheckZero(report, OPTIONS.orders());
    assertThat(progress).isNotEmpty();
    Map<String, Object> shipments = map(report, "shipments");
    assertThat((Long) shipments.get("delivered")).as("the ERP shipped most paid trades").isGreaterThan(report.tmall().paid() / 2);
    assertThat(shipments.get("writtenBack")).isEqualTo(shipments.get("delivered"));
    assertThat((Long) shipments.get("splitTrades")).as("Tmall shows trades in two parcels").isPositive();
    Map<String, Object> refunds = map(report, "refunds");
    assertThat((Long) refunds.get("beforeShipping")).isPositive();
    assertThat((Long) refunds.get("afterShipping")).isPositive();
    Map<String, Object> latency = map(report, "latency");
    assertThat((Long) latency.get("p99Ms")).isGreaterThanOrEqualTo((Long) latency.get("p50Ms"));
    assertThat((Long) map(report, "tmc").get("received")).as("messages were pushed").isPositive();
  }

  /** The checks every demo run must pass, whatever its options. */
  static void assertEveryCheckZero(DemoReport report, int orders) {
    assertThat(report.checks()).as("problems: %s", report.details().get("problems")).allSatisfy((k, v) -> assertThat(v).as(k).isZero());
    assertThat(report.checks()).containsKeys("shipments.notWrittenBack", "shipments.unknownOnTmall", "refunds.unreflected",
        "refunds.shippedAfterRequest", "stock.drift", "stock.correctedAtEnd", "stock.overPublishedDuringRun", "orders.missing",
        "finance.unbalancedVouchers", "finance.missedInjectedFaults", "finance.unexplainedDifferences", "completeness.gaps");
    Map<String, Object> finance = map(report, "finance");
    assertThat(finance).containsOnlyKeys("settlementLines", "vouchers", "reconciledOrders", "differences", "injectedFaults", "caughtFaults");
    assertThat((Long) finance.get("injectedFaults")).as("an unknown trade's settlement at least").isPositive();
    assertThat(finance.get("caughtFaults")).isEqualTo(finance.get("injectedFaults"));
    assertThat((Long) finance.get("settlementLines")).as("bills of the trades the buyers confirmed").isPositive();
    assertThat((Long) finance.get("vouchers")).isPositive();
    assertThat((Long) finance.get("reconciledOrders")).isPositive();
    assertThat((Long) map(report, "stock").get("samplesDuringRun")).as("stock sampled while trades flowed").isPositive();
    @SuppressWarnings("unchecked")
    Map<String, Long> bridgeRefunds = (Map<String, Long>) map(report, "bridge").get("refunds");
    assertThat(bridgeRefunds).as("the bridge's own view, beside the checks").containsEntry("unreflected", 0L)
        .containsEntry("shippedAfterIntercept", 0L);
    assertThat(report.tmall().trades()).isEqualTo(orders);
    assertThat(report.tmall().paid()).isPositive().isLessThan(orders);
    // every paid trade has its ERP order, or was closed within the grace before it was created (docs/order-changes.md)
    assertThat(report.erp().salesOrders() + (Long) map(report, "afterSale").get("paidClosedBeforeErpOrder"))
        .isEqualTo(report.tmall().paid());
    assertThat(report.exceptions()).as("exceptions held for an operator").isZero();
    assertThat(map(report, "phasesMs")).as("wall time per phase, in the order they ran").containsOnlyKeys(
        DemoPhases.SEEDING, DemoPhases.CATCH_UP, DemoPhases.LIVE_DAY, DemoPhases.SETTLE, DemoPhases.MONEY, DemoPhases.CHECKS, DemoPhases.FINAL_PASS);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(DemoReport report, String key) {
    return (Map<String, Object>) report.details().get(key);
  }
}
