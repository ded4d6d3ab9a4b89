package com.tmallbridge.sync;

/**
 * Delivers one kind of outbox message. Registered as a Spring bean; the dispatcher finds it by
 * {@link #messageType()}. {@link #handle} runs inside a transaction that also marks the message
 * done, so local rows it writes commit together with the completion. It must be idempotent: the
 * dispatcher delivers at least once.
 */
public interface MessageHandler {

  /** The message type this handler delivers, unique across handlers. */
  String messageType();

  /**
   * Delivers the message.
   *
   * @throws DeliveryException to report a failure: retryable ones are retried with backoff until
   *     the message is blocked; permanent ones block it at once. Any other runtime exception counts
   *     as retryable.
   */
  void handle(OutboxMessage message);
}
