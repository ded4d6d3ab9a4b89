package com.tmallbridge.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Process entry point: parses the command line, runs the command, and exits with 0 on success,
 * 1 when the work failed, and 2 when a flag or configuration value is wrong (with a one-line reason).
 */
public final class BridgeMain {
  private BridgeMain() {}

  public static void main(String[] args) {
    quietUntilConfigured();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Until Spring Boot configures logging from {@code application.properties} (console off, the log
   * file on), logback's bootstrap configuration would print every INFO line on standard output —
   * which carries the command's own output, e.g. {@code --json}. Code that runs before the
   * application starts (the demo's sandbox and Tryton server) therefore logs only errors there.
   */
  private static void quietUntilConfigured() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
      logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }

  /** Runs a command line with the given output streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    try (BridgeCommand root = new BridgeCommand()) {
      CommandLine cli = new CommandLine(root);
      cli.setOut(out);
      cli.setErr(err);
      cli.setParameterExceptionHandler(new UsageErrors());
      cli.setExecutionExceptionHandler(new ExecutionErrors());
      return cli.execute(args);
    }
  }
}
