package com.tmallbridge.console.job;

/**
 * The work of one console job, done in steps on the job runner's thread so that its progress can
 * be shown while it runs. {@link #begin} is called once, then {@link #step} until it reports the
 * work finished. An exception from either ends the job as failed with the exception's message.
 */
public interface JobWork {

  /** Starts the work; returns how many units it has in all (0: nothing to do). */
  long begin();

  /** Does a slice of the work (it should return within a second or so) and says how far it is. */
  Step step();

  /**
   * How far the work is after a step.
   *
   * @param done units done so far (not above the total)
   * @param finished whether the work is over
   * @param note a short remark for the screen (e.g. how many units failed), or {@code ""}
   */
  record Step(long done, boolean finished, String note) {}
}
