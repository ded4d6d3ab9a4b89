package com.tmallbridge.audit;

import org.jspecify.annotations.Nullable;

/**
 * One act to record. {@code before} and {@code after} are short texts (e.g. JSON) of the target's
 * state; secrets and personal data in them must already be masked by the caller.
 *
 * @param action what kind of act
 * @param target what it was done to, e.g. {@code shop:TM01} or {@code mapping:TM01/5551/7771}
 * @param outcome {@code OK}, or why it was refused (e.g. {@code DENIED}, {@code FAILED})
 * @param before the state before, null for a creation or when not applicable
 * @param after the state after, null for a removal or when not applicable
 */
public record AuditEvent(AuditAction action, String target, String outcome, @Nullable String before, @Nullable String after) {

  public AuditEvent {
    if (target.isBlank()) {
      throw new IllegalArgumentException("an audit event needs a target");
    }
    if (outcome.isBlank()) {
      throw new IllegalArgumentException("an audit event needs an outcome");
    }
  }

  /** A change that succeeded. */
  public static AuditEvent change(AuditAction action, String target, @Nullable String before, @Nullable String after) {
    return new AuditEvent(action, target, "OK", before, after);
  }
}
