package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.H2Only;
import com.tmallbridge.testsupport.RunsAlongside;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with TMC off (polling alone) and no faults: the same checks hold, and the report says
 * no message was pushed.
 */
@H2Only("the same demo flow runs on PostgreSQL in DemoIntegrationTests, with TMC pushes and faults on top of the same polling")
@DatabaseTest
@RunsAlongside("a bridge of its own (DemoBridge: its own context and database); mostly the demo's waits for its shop's day")
class DemoPollingOnlyIntegrationTests {
  @TempDir Path data;

  @Test
  void everyCheckIsZeroWithPollingAlone() throws Exception {
    DemoOptions options = new DemoOptions(400, 11, 0, Duration.ofMinutes(5));
    try (DemoBridge bridge = DemoBridge.start(data, "bridge.order.poll-interval=1s", "bridge.finance.safety-lag=0s",
            "bridge.finance.min-split-window=1s");
        TmallSandbox sandbox = bridge.bean(DemoRunner.class).startSandbox(options)) {
      DemoReport report = bridge.bean(DemoRunner.class).run(sandbox, options, p -> { });

      System.out.println("demo report (polling only): " + report.toMap());
      DemoIntegrationTests.assertEveryCheckZero(report, options.orders());
      assertThat((Long) DemoIntegrationTests.map(report, "shipments").get("writtenBack")).isPositive();
      assertThat(DemoIntegrationTests.map(report, "tmc")).containsEntry("enabled", 0).containsEntry("received", 0L);
    }
  }
}
