package com.tmallbridge.console.job;

/** Where a console job is. */
public enum JobState {
  /** Started and not over. */
  RUNNING,
  /** Every unit done. */
  DONE,
  /** Ended by an error, or stopped for making no progress. */
  FAILED
}
