package com.tmallbridge.console.job;

/** A job was not started because one of its kind already runs for the shop. */
public class JobRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long runningId;

  JobRefusedException(String message, long runningId) {
    super(message);
    this.runningId = runningId;
  }

  /** The id of the job that runs. */
  public long runningId() {
    return runningId;
  }
}
