package com.tmallbridge.core;

/**
 * A stable, documented error code such as {@code ORDER-001} or {@code EMBEDDED-002}. Each module
 * keeps its codes in an enum implementing this interface.
 */
public interface ErrorCode {
  /** The stable code shown to operators and in logs, e.g. {@code ORDER-001}. */
  String code();

  /** A one-line English description of what the code means and what to do about it. */
  String description();
}
