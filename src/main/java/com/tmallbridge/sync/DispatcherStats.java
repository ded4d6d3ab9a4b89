package com.tmallbridge.sync;

/**
 * Counts kept in memory by one {@link OutboxDispatcher} since it was created.
 *
 * @param delivered messages marked DONE
 * @param failed failed deliveries that will be retried (including recovered claims)
 * @param blocked messages that became BLOCKED
 * @param claimsLost deliveries whose result was discarded because another writer changed the
 *     message first (an expired claim or an operator's retry); their handler work was rolled back
 * @param recovered IN_FLIGHT messages made due again by stale-claim or restart recovery
 */
public record DispatcherStats(long delivered, long failed, long blocked, long claimsLost, long recovered) {}
