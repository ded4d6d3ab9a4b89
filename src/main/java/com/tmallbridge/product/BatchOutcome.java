package com.tmallbridge.product;

import java.util.List;

/**
 * Result of a batch fix: one line per input row or per item acted on. A bad row never stops the others.
 *
 * @param applied rows or items that took effect (or would, in a dry run)
 * @param failed rows that were refused
 * @param lines one readable line each, e.g. {@code line 4: refused: num_iid 'x' is not a number}
 */
public record BatchOutcome(int applied, int failed, List<String> lines) {

  public BatchOutcome {
    lines = List.copyOf(lines);
  }
}
