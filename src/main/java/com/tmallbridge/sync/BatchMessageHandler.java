package com.tmallbridge.sync;

import java.util.List;

/**
 * A {@link MessageHandler} that can deliver several messages of its type in one call, sharing the
 * lookups and writes of the batch (one query for many keys, JDBC batches instead of a statement
 * per message). The dispatcher calls {@link #handleAll} for the messages of this type in a group it
 * delivers in one transaction ({@code bridge.sync.outbox.groupSize}), never for a {@link #remote()}
 * or non-{@link #groupable()} handler, whose messages are always delivered one by one through
 * {@link #handle}.
 *
 * <p>Contract: {@code handleAll(messages)} has the same effect as {@code handle} called for each
 * message in turn; it runs inside the transaction that then marks all of them DONE. The messages
 * belong to different aggregates (the dispatcher claims at most one unfinished message per
 * aggregate at a time), so their order within the call carries no meaning. Any exception means the
 * batch as a whole did not happen: the dispatcher rolls the transaction back and delivers each
 * message alone through {@link #handle}, so only a message that fails on its own is recorded as
 * failed. {@code handleAll} therefore needs no failure handling per message, and must not catch a
 * database error and carry on (on PostgreSQL the transaction is unusable after one).
 */
public interface BatchMessageHandler extends MessageHandler {

  /**
   * Delivers {@code messages} (at least one, all of {@link #messageType()}) in the caller's
   * transaction.
   *
   * @throws RuntimeException of any kind when any of them cannot be delivered; the caller then
   *     delivers them one by one
   */
  void handleAll(List<OutboxMessage> messages);
}
