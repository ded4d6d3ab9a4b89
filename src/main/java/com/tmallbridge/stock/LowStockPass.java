package com.tmallbridge.stock;

import java.util.List;

/**
 * Outcome of one low-stock pass.
 *
 * @param checked material/warehouse pairs compared with their threshold
 * @param opened alerts opened by this pass
 * @param closed alerts closed because stock recovered
 * @param open alerts open after the pass
 * @param failures one line per pair that could not be recorded (reason code first); the others
 *     were recorded
 */
public record LowStockPass(int checked, int opened, int closed, int open, List<String> failures) {

  public LowStockPass {
    failures = List.copyOf(failures);
  }
}
