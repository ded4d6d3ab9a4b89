package com.tmallbridge.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash of an audit entry: SHA-256, in lower-case hex, of its fields and the previous entry's
 * hash, each field written as its length, a colon and its text (null as {@code -1:}) and a line
 * break, so no two different entries give the same input. The time is written as ISO-8601 in
 * milliseconds.
 */
final class EntryHash {
  /** The previous hash of the first entry. */
  static final String GENESIS = "0".repeat(64);

  private EntryHash() {}

  static String of(long seq, Instant at, String actor, String source, AuditAction action, String target, String outcome,
      @Nullable String before, @Nullable String after, String prevHash) {
    StringBuilder text = new StringBuilder(256);
    for (String field : new String[] {Long.toString(seq), at.toString(), actor, source, action.name(), target, outcome, before, after,
        prevHash}) {
      if (field == null) {
        text.append("-1:\n");
      } else {
        text.append(field.length()).append(':').append(field).append('\n');
      }
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  static String of(AuditEntry e) {
    return of(e.seq(), e.at(), e.actor(), e.source(), e.action(), e.target(), e.outcome(), e.before(), e.after(), e.prevHash());
  }
}
