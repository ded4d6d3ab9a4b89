package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.MaterialCode;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers which material codes a sales order may not use (unknown or inactive), so that creating
 * an order usually costs no material query: codes read as active are remembered for {@code ttl}.
 * Only committed facts enter the cache: a read inside a transaction (which may see that
 * transaction's own, later rolled-back, upsert) is remembered after that transaction commits.
 * Nothing in the bridge deactivates a material, so only a change made directly in the database
 * can make an entry stale, and only until it expires. Thread-safe.
 */
final class SaleableMaterials {
  /** Past this size the cache is dropped and refilled, bounding memory for huge catalogues. */
  private static final int MAX_ENTRIES = 200_000;

  private final MaterialRepository materials;
  private final Clock clock;
  private final long ttlMillis;
  private final ConcurrentMap<MaterialCode, Long> expiresAt = new ConcurrentHashMap<>();

  SaleableMaterials(MaterialRepository materials, Clock clock, Duration ttl) {
    this.materials = materials;
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
  }

  /** The codes among {@code codes} that are unknown or inactive; empty when all may be sold. */
  Set<MaterialCode> unsaleableAmong(Set<MaterialCode> codes) {
    long now = clock.millis();
    Set<MaterialCode> unverified = new HashSet<>();
    for (MaterialCode code : codes) {
      Long expiry = expiresAt.get(code);
      if (expiry == null || expiry <= now) {
        unverified.add(code);
      }
    }
    if (unverified.isEmpty()) {
      return Set.of();
    }
    Set<MaterialCode> active = materials.activeAmong(unverified);
    rememberOnceCommitted(active, now + ttlMillis);
    unverified.removeAll(active);
    return unverified;
  }

  private void rememberOnceCommitted(Set<MaterialCode> active, long expiry) {
    if (ttlMillis <= 0 || active.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      remember(active, expiry);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        remember(active, expiry);
      }
    });
  }

  private void remember(Set<MaterialCode> active, long expiry) {
    if (expiresAt.size() + active.size() > MAX_ENTRIES) {
      expiresAt.clear();
    }
    active.forEach(code -> expiresAt.put(code, expiry));
  }
}
