package com.tmallbridge.cli;

import org.springframework.boot.context.properties.bind.BindException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Failures while a command runs: bad input or configuration (exit 2) and everything else (exit 1),
 * each as one line on stderr; details go to the log file in the data directory.
 */
final class ExecutionErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    Throwable config = find(e, BindException.class);
    if (config != null) {
      cmd.getErr().println("error: invalid configuration: " + rootMessage(config));
      return UsageErrors.USAGE;
    }
    Throwable bad = find(e, IllegalArgumentException.class);
    if (bad != null && bad == e) {
      cmd.getErr().println("error: " + bad.getMessage());
      return UsageErrors.USAGE;
    }
    cmd.getErr().println("error: " + rootMessage(e));
    return 1;
  }

  private static Throwable find(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replace('\n', ' ');
  }
}
