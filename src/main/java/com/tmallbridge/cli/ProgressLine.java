package com.tmallbridge.cli;

import com.tmallbridge.demo.DemoProgress;
import java.io.PrintWriter;

/**
 * Shows progress on stderr: one self-overwriting line on a terminal, or a line every few seconds
 * (and on each phase change) when stderr is a file or pipe.
 */
final class ProgressLine {
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal = System.console() != null;
  private String lastPhase = "";
  private long lastPrinted;
  private int width;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  void show(DemoProgress p) {
    String text = String.format("[demo] %-22s tmall %d/%d | bridge saw %d | ERP orders %d | held %d%s",
        p.phase(), p.generated(), p.target(), p.seen(), p.exported(), p.held(), p.undelivered() ? " | delivering" : "");
    long now = System.nanoTime();
    if (terminal) {
      err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
      width = text.length();
      err.flush();
    } else if (!p.phase().equals(lastPhase) || now - lastPrinted > PLAIN_EVERY_NANOS) {
      err.println(text);
      err.flush();
      lastPrinted = now;
    }
    lastPhase = p.phase();
  }

  void done() {
    if (terminal) {
      err.println();
      err.flush();
    }
  }
}
