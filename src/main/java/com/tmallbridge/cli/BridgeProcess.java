package com.tmallbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The soak's bridge process ({@code bench soak-bridge}), started from the same jar and JVM as the
 * running command, killed with SIGKILL ({@link Process#destroyForcibly()} on Unix is kill -9) and
 * started again on the same data directory. Its output goes to {@code bridge-process.out}. Not
 * thread-safe.
 */
final class BridgeProcess {
  private final Path dir;
  private final List<String> arguments;
  private Process process;

  BridgeProcess(Path dir, int tcpPort, String tmcUrl, String h2Options) {
    this.dir = dir;
    this.arguments = List.of("--data", dir.toString(), "bench", "soak-bridge", "--tcp-port", Integer.toString(tcpPort),
        "--tmc-url", tmcUrl, "--h2-options", h2Options);
  }

  /** Starts the process ({@code --orders-only} when {@code ordersOnly}); see {@link #awaitReady}. */
  void start(boolean ordersOnly) throws IOException {
    String jar = System.getProperty("java.class.path", "");
    if (!jar.endsWith(".jar") || jar.contains(java.io.File.pathSeparator)) {
      throw new IllegalStateException("bench soak runs from the jar (./bridge or java -jar), not from " + jar);
    }
    Files.deleteIfExists(dir.resolve(SoakBridgeCommand.READY_FILE));
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(Path.of(jar).toAbsolutePath().toString());
    command.addAll(arguments);
    if (ordersOnly) {
      command.add("--orders-only");
    }
    Path out = dir.resolve("bridge-process.out");
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
  }

  /**
   * Waits until the process serves the database (its ready file names its pid).
   *
   * @return false when it exited or did not get ready within {@code timeout}
   */
  boolean awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path ready = dir.resolve(SoakBridgeCommand.READY_FILE);
    while (System.nanoTime() < deadline) {
      if (Files.exists(ready) && Long.toString(process.pid()).equals(Files.readString(ready).trim())) {
        return true;
      }
      if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return false;
  }

  /** Kills the process with SIGKILL and waits until it is gone. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }
}
