package com.tmallbridge.finance;

import com.tmallbridge.core.TimeWindow;

/** Told after each complete window of a settlement import (for progress lines on a terminal). */
@FunctionalInterface
public interface ImportProgress {
  ImportProgress NONE = (done, total, window, lines) -> {};

  /**
   * @param done windows complete so far
   * @param total windows of this import
   * @param window the window just completed
   * @param lines lines received so far
   */
  void windowDone(int done, int total, TimeWindow window, int lines);
}
