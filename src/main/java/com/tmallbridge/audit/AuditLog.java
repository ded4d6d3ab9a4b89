package com.tmallbridge.audit;

/**
 * Records audit entries. An entry joins the caller's transaction: it commits with the change it
 * records, or rolls back with it, so no change is left unrecorded and no entry records a change
 * that did not happen. Appends are serialised on the chain's head, so keep the surrounding
 * transaction short.
 */
public interface AuditLog {

  /** Records {@code event} for the {@linkplain ActorContext#current() current actor}. */
  AuditEntry record(AuditEvent event);

  /** Records {@code event} for {@code actor} (e.g. a failed login, before anyone is signed in). */
  AuditEntry record(Actor actor, AuditEvent event);
}
