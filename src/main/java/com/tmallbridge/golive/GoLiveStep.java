package com.tmallbridge.golive;

/**
 * One step of the go-live check.
 *
 * @param name what the step proves, e.g. {@code order in}
 * @param outcome passed, failed or skipped
 * @param detail one line: what was seen, or why it failed (with the ERP's own message) or was skipped
 * @param millis how long it took
 */
public record GoLiveStep(String name, Outcome outcome, String detail, long millis) {

  /** How a step ended. */
  public enum Outcome {
    PASSED,
    FAILED,
    /** Not run: the connector lacks the capability, or an earlier step did not pass. */
    SKIPPED
  }

  static GoLiveStep passed(String name, String detail, long millis) {
    return new GoLiveStep(name, Outcome.PASSED, detail, millis);
  }

  static GoLiveStep failed(String name, String detail, long millis) {
    return new GoLiveStep(name, Outcome.FAILED, detail, millis);
  }

  static GoLiveStep skipped(String name, String detail) {
    return new GoLiveStep(name, Outcome.SKIPPED, detail, 0);
  }
}
