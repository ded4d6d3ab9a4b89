package com.tmallbridge.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link AuditManagement#verify}.
 *
 * @param entries entries read
 * @param brokenAt the number of the first entry that does not fit the chain, null when intact (for
 *     a missing tail: the first number missing)
 * @param problem what is wrong there, null when intact
 * @param headHash the newest entry's hash as the head records it: keep it elsewhere (a ticket, the
 *     backup log) to prove later that nothing before it was rewritten
 */
public record ChainCheck(long entries, @Nullable Long brokenAt, @Nullable String problem, String headHash) {

  public boolean intact() {
    return brokenAt == null;
  }
}
