package com.tmallbridge.sync;

/** Life cycle of an outbox message. */
public enum OutboxStatus {
  /** Waiting for its first delivery. */
  PENDING,
  /** Claimed by a dispatcher and being delivered. */
  IN_FLIGHT,
  /** Delivered. */
  DONE,
  /** Last delivery failed; due again at its next attempt time. */
  FAILED,
  /** Given up (permanent failure or too many attempts); waits for an operator's retry. */
  BLOCKED
}
