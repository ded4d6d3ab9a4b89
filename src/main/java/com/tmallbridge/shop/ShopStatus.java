package com.tmallbridge.shop;

/** Whether the bridge calls a shop's API. */
public enum ShopStatus {
  /** Pulled and written to normally. */
  ACTIVE,
  /** Tmall rejected the session (code 26/27): the seller must authorise again ({@code shop add} with a new session key). */
  NEEDS_REAUTH,
  /** Flow-controlled by Tmall until {@link Shop#pausedUntil()}. */
  PAUSED
}
