package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.tmall.SandboxTrade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payment-to-ERP latency from sandbox pay times and ERP creation times. */
class LatencyProbeTests {
  private static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");

  @Test
  void measuresEachPaidTradeFromItsPayTimeToItsErpOrderWithNearestRankPercentiles() {
    List<SandboxTrade> trades = new ArrayList<>();
    Map<String, Instant> erp = new HashMap<>();
    for (int i = 1; i <= 200; i++) {
      Instant paid = T0.plusSeconds(i);
      trades.add(trade(i, paid, true));
      erp.put(Long.toString(i), paid.plusMillis(i * 10L));
    }
    trades.add(trade(1000, T0.plusSeconds(5), true));
    trades.add(trade(1001, null, false));
    trades.add(trade(1002, T0.minusSeconds(60), true));
    erp.put("1002", T0);

    LatencyProbe.Latency l = LatencyProbe.of(trades, erp, T0);

    assertThat(l.paid()).isEqualTo(201);
    assertThat(l.arrived()).isEqualTo(200);
    assertThat(l.complete()).isFalse();
    assertThat(l.p50Ms()).isEqualTo(1000);
    assertThat(l.p99Ms()).isEqualTo(1980);
    assertThat(l.maxMs()).isEqualTo(2000);
  }

  @Test
  void nothingArrivedIsZeroAndNothingPaidIsComplete() {
    assertThat(LatencyProbe.of(List.of(trade(1, T0, true)), Map.of(), T0)).isEqualTo(new LatencyProbe.Latency(1, 0, 0, 0, 0));
    assertThat(LatencyProbe.of(List.of(), Map.of(), T0).complete()).isTrue();
  }

  @Test
  void measuresFromTheExactPaymentMomentWhenTheSandboxKnowsIt() {
    Instant paySecond = T0.plusSeconds(10);
    List<SandboxTrade> trades = List.of(trade(1, paySecond, true), trade(2, paySecond, true));
    Map<String, Instant> erp = Map.of("1", paySecond.plusMillis(900), "2", paySecond.plusMillis(950));
    Map<Long, Instant> exact = Map.of(1L, paySecond.plusMillis(850));

    LatencyProbe.Latency l = LatencyProbe.of(trades, erp, T0, exact::get);

    // trade 1: 900 - 850 = 50 ms from the exact moment; trade 2 has none and counts from its pay second
    assertThat(l.p50Ms()).isEqualTo(50);
    assertThat(l.maxMs()).isEqualTo(950);
  }

  private static SandboxTrade trade(long tid, Instant payTime, boolean everPaid) {
    return new SandboxTrade(tid, everPaid ? "WAIT_SELLER_SEND_GOODS" : "TRADE_CLOSED_BY_TAOBAO", "fixed", T0.minusSeconds(100),
        T0, payTime, null, null, everPaid, 1000, 0, 0, List.of());
  }
}
