package com.tmallbridge.audit;

import com.tmallbridge.audit.AuditRepository.Head;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link AuditLog} on the database: locks the chain's head row, numbers the entry after it,
 * hashes it with the head's hash ({@link EntryHash}) and moves the head, all in the caller's
 * transaction (or a new one when there is none). Texts longer than the columns allow are cut, and
 * the cut text is what is hashed and stored.
 */
@Component
class ChainedAuditLog implements AuditLog {
  /** Longest stored {@code before}/{@code after} text; longer ones end with {@link #CUT}. */
  static final int MAX_TEXT = 20_000;
  static final String CUT = "…(cut)";

  private final AuditRepository repository;
  private final ActorContext actors;
  private final Clock clock;

  ChainedAuditLog(AuditRepository repository, ActorContext actors, Clock clock) {
    this.repository = repository;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  @Transactional
  public AuditEntry record(AuditEvent event) {
    return record(actors.current(), event);
  }

  @Override
  @Transactional
  public AuditEntry record(Actor actor, AuditEvent event) {
    Head head = repository.lockHead();
    long seq = head.lastSeq() + 1;
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String name = cut(actor.name(), 100);
    String source = cut(actor.source(), 200);
    String target = cut(event.target(), 300);
    String outcome = cut(event.outcome(), 20);
    String before = text(event.before());
    String after = text(event.after());
    String hash = EntryHash.of(seq, at, name, source, event.action(), target, outcome, before, after, head.lastHash());
    AuditEntry entry = new AuditEntry(seq, at, name, source, event.action(), target, outcome, before, after, head.lastHash(), hash);
    repository.append(entry);
    return entry;
  }

  private static @Nullable String text(@Nullable String value) {
    return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - CUT.length()) + CUT;
  }

  private static String cut(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
