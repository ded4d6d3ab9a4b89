package com.tmallbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.order.OrderSync;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.testsupport.H2Only;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo with TMC off (polling alone) and no faults: the same checks hold, and the report says
 * no message was pushed.
 */
@SpringBootTest(properties = {"bridge.order.poll-interval=1s", "bridge.finance.safety-lag=0s", "bridge.finance.min-split-window=1s"})
@H2Only("the same demo flow runs on PostgreSQL in DemoIntegrationTests, with TMC pushes and faults on top of the same polling")
class DemoPollingOnlyIntegrationTests extends SpringDatabaseTestBase {
  @Autowired DemoRunner demo;
  @Autowired OrderSync sync;

  @AfterEach
  void stopSync() {
    sync.stop();
  }

  @Test
  void everyCheckIsZeroWithPollingAlone() throws Exception {
    DemoOptions options = new DemoOptions(400, 11, 0, Duration.ofMinutes(5));
    try (TmallSandbox sandbox = demo.startSandbox(options)) {
      DemoReport report = demo.run(sandbox, options, p -> { });

      System.out.println("demo report (polling only): " + report.toMap());
      DemoIntegrationTests.assertEveryCheckZero(report, options.orders());
      assertThat((Long) DemoIntegrationTests.map(report, "shipments").get("writtenBack")).isPositive();
      assertThat(DemoIntegrationTests.map(report, "tmc")).containsEntry("enabled", 0).containsEntry("received", 0L);
    }
  }
}
