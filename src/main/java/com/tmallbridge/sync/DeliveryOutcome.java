package com.tmallbridge.sync;

/** What became of one claimed message. */
enum DeliveryOutcome {
  /** Handled and marked DONE. */
  DELIVERED,
  /** Marked FAILED; due again later. */
  FAILED,
  /** Marked BLOCKED; waits for an operator. */
  BLOCKED,
  /** Nothing recorded: another writer changed the row first (the claim was lost), or the write failed. */
  NOT_RECORDED
}
