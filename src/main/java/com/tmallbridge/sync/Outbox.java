package com.tmallbridge.sync;

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
}
