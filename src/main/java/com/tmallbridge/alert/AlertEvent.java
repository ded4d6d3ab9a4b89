package com.tmallbridge.alert;

/** Why a message is sent. */
public enum AlertEvent {
  /** The condition has just started. */
  RAISED,
  /** The condition still holds, the cooldown has passed since the last message. */
  REPEATED,
  /** The condition has cleared. */
  RESOLVED,
  /** {@code bridge alerts test}: checks that a channel reaches its people. */
  TEST
}
