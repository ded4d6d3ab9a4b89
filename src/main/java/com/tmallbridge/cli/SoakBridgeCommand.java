package com.tmallbridge.cli;

import com.tmallbridge.aftersale.RefundSync;
import com.tmallbridge.fulfilment.FulfilmentSync;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.stock.StockSync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.h2.tools.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench soak-bridge}: the bridge process of the soak ({@link SoakCommand}), the one that is
 * killed. It opens the H2 file database in {@code --data} itself (so a kill -9 leaves the files as
 * a crash does), serves the same database over H2's TCP server on loopback to the soak's world
 * process (the shop's buyers and the built-in ERP's warehouse), waits for the file {@code go} in
 * the data directory, then runs what {@code sync} runs continuously — or, with {@code
 * --orders-only}, the order flow and the outbox workers alone, as the demo does while it settles.
 * Writes {@code bridge.ready} (its process id) once it serves.
 */
@Command(name = "soak-bridge", hidden = true, mixinStandardHelpOptions = true,
    description = "The bridge process of bench soak (started and killed by it).")
class SoakBridgeCommand implements Callable<Integer> {
  static final String READY_FILE = "bridge.ready";
  static final String GO_FILE = "go";
  @ParentCommand BenchCommand parent;
  @Option(names = "--tcp-port", required = true, description = "Loopback port of the H2 TCP server for the world process.") int tcpPort;
  @Option(names = "--tmc-url", required = true, description = "The sandbox's TMC address.") String tmcUrl;
  @Option(names = "--h2-options", required = true, description = "H2 URL settings after the file name (';'-separated).") String h2Options;
  @Option(names = "--orders-only", description = "Run the order flow and the outbox workers only (the soak's final phase).") boolean ordersOnly;

  @Override
  public Integer call() throws Exception {
    Path dir = parent.root.data.toAbsolutePath().normalize();
    SpringRuntime runtime = new SpringRuntime(dir, SoakCommand.fileUrl(dir, h2Options), "sa", "")
        .with("bridge.order.poll-interval", "1s")
        .with("bridge.stock.interval", "5s")
        .with("bridge.fulfilment.interval", "5s")
        .with("bridge.aftersale.poll-interval", "10s")
        .with("bridge.channel.tmall.tmc.enabled", "true")
        .with("bridge.channel.tmall.tmc.url", tmcUrl)
        .with("logging.file.name", dir.resolve("bridge.log").toString());
    runtime.context();
    Server tcp = Server.createTcpServer("-tcpPort", Integer.toString(tcpPort), "-baseDir", dir.toString(), "-ifExists").start();
    Files.writeString(dir.resolve(READY_FILE), Long.toString(ProcessHandle.current().pid()));
    while (!Files.exists(dir.resolve(GO_FILE))) {
      synchronized (this) {
        wait(200);
      }
    }
    OrderSync sync = runtime.bean(OrderSync.class);
    StockSync stock = runtime.bean(StockSync.class);
    FulfilmentSync fulfilment = runtime.bean(FulfilmentSync.class);
    RefundSync refunds = runtime.bean(RefundSync.class);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      refunds.stop();
      fulfilment.stop();
      stock.stop();
      sync.stop();
      tcp.stop();
      runtime.close();
      stopped.countDown();
    }));
    sync.start();
    if (!ordersOnly) {
      stock.start();
      fulfilment.start();
      refunds.start();
    }
    stopped.await();
    return 0;
  }
}
