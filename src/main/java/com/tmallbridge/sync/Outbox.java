package com.tmallbridge.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Enqueues messages that carry a side effect (an ERP or channel write). Must be called inside the
 * caller's transaction: the message commits or rolls back with the business rows.
 */
public interface Outbox {

  /**
   * Adds a PENDING message due now. Idempotent on {@code idempotencyKey}: when a message with that
   * key exists already (in any status) nothing is added and the existing id is returned.
   *
   * @param aggregateType e.g. {@code trade}
   * @param aggregateId e.g. {@code 1:3028689418086124} (shop and tid)
   * @param messageType the handler that will deliver it, e.g. {@code erp.sales-order.create}
   * @param payload JSON text the handler understands
   * @param idempotencyKey unique key of the side effect, passed on to the external system
   * @return the message id
   */
  UUID enqueue(String aggregateType, String aggregateId, String messageType, String payload, String idempotencyKey);

  /**
   * Adds several messages as {@link #enqueue} would one after the other, in list order (so of two
   * messages of one aggregate the earlier in the list is delivered first), idempotent per message in
   * the same way; a key repeated within the list adds one message and returns its id for both.
   * Implementations may write the messages in one batch of statements; the default enqueues them one
   * by one.
   *
   * @return the message ids, in list order
   */
  default List<UUID> enqueueAll(List<NewMessage> messages) {
    List<UUID> ids = new ArrayList<>(messages.size());
    for (NewMessage m : messages) {
      ids.add(enqueue(m.aggregateType(), m.aggregateId(), m.messageType(), m.payload(), m.idempotencyKey()));
    }
    return ids;
  }

  /**
   * A message for {@link #enqueueAll}; the fields are {@link #enqueue}'s parameters.
   */
  record NewMessage(String aggregateType, String aggregateId, String messageType, String payload, String idempotencyKey) {}
}
