package com.tmallbridge.alert;

/**
 * Where alert messages go: a DingTalk or WeCom group robot, e-mail, or another channel as a Spring
 * bean. Each configured channel gets every message; a channel that fails does not keep the others
 * from theirs.
 *
 * <p>Implementations are called from the alert notifier's one thread (never from a scheduler), one
 * message at a time; they send once and never retry or sleep themselves: the notifier retries with
 * backoff. {@code AlertChannelContract} is the test suite each implementation passes.
 */
public interface AlertChannel {

  /** Short name for logs and {@code bridge alerts test}, e.g. {@code dingtalk}. */
  String id();

  /**
   * Sends one message, blocking until the receiver has accepted it (within the configured timeout).
   *
   * @throws AlertDeliveryException when it was not accepted: the receiver refused it, answered an
   *     error, or could not be reached; {@link AlertDeliveryException#retryable()} says whether trying
   *     again may help
   */
  void send(AlertMessage message) throws AlertDeliveryException;
}
