package com.tmallbridge.sync;

/**
 * Delivers one kind of outbox message. Registered as a Spring bean; the dispatcher finds it by
 * {@link #messageType()}. A local handler's {@link #handle} runs inside a transaction that also
 * marks the message done, so local rows it writes commit together with the completion; a {@link
 * #remote()} handler's runs outside any transaction (claim → call → record). It must be
 * idempotent: the dispatcher delivers at least once.
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

  /**
   * Whether this type's messages are urgent: taking in orders and intercepting parcels, where
   * seconds matter. Urgent messages are enqueued marked as such and delivered by lanes of their own
   * ({@code bridge.sync.urgent-threads}) besides the ordinary ones, so a backlog of other messages
   * (write-backs, stock pushes) never makes them wait. Ordering per aggregate still holds. Must not
   * change while messages of the type are queued (it is read when a message is enqueued).
   */
  default boolean urgent() {
    return false;
  }

  /**
   * Whether messages of this type may be delivered several to one transaction (fewer commits, for
   * fast local writes). A handler that calls a remote system (Tmall, a remote ERP) returns false:
   * each of its messages then commits on its own, so a slow or retried call holds no other
   * message's rows and no long transaction builds up. A handler that can share its lookups and
   * writes across such a group implements {@link BatchMessageHandler}.
   */
  default boolean groupable() {
    return true;
  }

  /**
   * Whether {@link #handle} calls a system that commits on its own (a remote ERP, Tmall), which can
   * share no transaction with the bridge's database. The dispatcher then never groups the message,
   * runs {@code handle} outside any transaction — no database transaction, connection or row lock
   * is held while the remote call is in flight — and records the completion afterwards in a
   * transaction of its own. A crash between the remote call and that record delivers the message
   * again: the remote write must be idempotent on a key kept by the remote system, and the local
   * rows the handler writes after the call must be idempotent too (each statement commits on its
   * own). May be decided per message type at runtime (e.g. from the active ERP connector).
   */
  default boolean remote() {
    return false;
  }
}
