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
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
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
