package com.tmallbridge.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A recorded audit entry, as stored.
 *
 * @param seq its number in the chain, from 1 without gaps
 * @param at when it was recorded (the injected clock)
 * @param actor who
 * @param source from where
 * @param action what kind of act
 * @param target on what
 * @param outcome {@code OK} or why not
 * @param before state before, may be null
 * @param after state after, may be null
 * @param prevHash the previous entry's hash (64 zeros for the first)
 * @param hash SHA-256 (hex) of this entry's fields and {@code prevHash}
 */
public record AuditEntry(long seq, Instant at, String actor, String source, AuditAction action, String target, String outcome,
    @Nullable String before, @Nullable String after, String prevHash, String hash) {}
