package com.tmallbridge.demo;

import com.tmallbridge.BridgeApplication;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The benches' per-stage breakdown of the order path, read from the {@code bridge.*} Micrometer
 * timers: {@link #restart()} makes later records go to a fresh in-memory registry only (so a
 * warm-up does not count), {@link #table()} prints count, mean, p50, p99 and max per timer in the
 * order a trade meets the stages.
 */
@Component
public class StageBreakdown {
  /** Stages in path order; a timer not listed goes last. */
  private static final List<String> ORDER = List.of(
      "bridge.tmc.queued", "bridge.order.message", "bridge.order.message.round", "bridge.order.message.read",
      "bridge.order.message.import", "bridge.tmall.permit", "bridge.tmall.call", "bridge.order.import",
      "bridge.outbox.wait", "bridge.outbox.claim", "bridge.outbox.delivery");
  /** Long enough that p50, p99 and max cover a whole bench run. */
  private static final Duration WINDOW = Duration.ofHours(24);

  private final CompositeMeterRegistry meters;
  private MeterRegistry current;

  StageBreakdown(CompositeMeterRegistry meters) {
    this.meters = meters;
    this.current = meters.getRegistries().isEmpty() ? meters : meters.getRegistries().iterator().next();
  }

  /** From now on the timers record into a fresh registry only; earlier records no longer count. */
  public synchronized void restart() {
    MeterRegistry fresh = BridgeApplication.inMemory(WINDOW);
    List<MeterRegistry> old = new ArrayList<>(meters.getRegistries());
    meters.add(fresh);
    old.forEach(meters::remove);
    current = fresh;
  }

  /** One header line and one line per {@code bridge.*} timer that recorded something since {@link #restart()}. */
  public synchronized List<String> table() {
    List<Timer> timers = current.getMeters().stream()
        .filter(m -> m instanceof Timer && m.getId().getName().startsWith("bridge."))
        .map(Timer.class::cast)
        .filter(t -> t.count() > 0)
        .sorted(Comparator.comparingInt((Timer t) -> rank(t.getId().getName())).thenComparing(StageBreakdown::label))
        .toList();
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-62s %9s %9s %9s %9s %9s", "stage (timer)", "count", "mean_ms", "p50_ms", "p99_ms", "max_ms"));
    for (Timer t : timers) {
      HistogramSnapshot s = t.takeSnapshot();
      lines.add(String.format("%-62s %9d %9.1f %9.1f %9.1f %9.1f", label(t), s.count(), s.mean(TimeUnit.MILLISECONDS),
          percentile(s, 0.5), percentile(s, 0.99), s.max(TimeUnit.MILLISECONDS)));
    }
    return lines;
  }

  private static int rank(String name) {
    int i = ORDER.indexOf(name);
    return i < 0 ? ORDER.size() : i;
  }

  private static String label(Meter m) {
    String tags = m.getId().getTags().stream().map(Tag::getValue).collect(Collectors.joining(","));
    return m.getId().getName() + (tags.isEmpty() ? "" : " " + tags);
  }

  private static double percentile(HistogramSnapshot s, double p) {
    for (ValueAtPercentile v : s.percentileValues()) {
      if (v.percentile() == p) {
        return v.value(TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }
}
