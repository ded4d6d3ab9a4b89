package com.tmallbridge.audit;

import com.tmallbridge.audit.AuditRepository.Head;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Façade of the audit log for the CLI and the console: list entries and verify the chain. */
@Service
public class AuditManagement {
  private static final int PAGE = 1_000;

  private final AuditRepository repository;

  AuditManagement(AuditRepository repository) {
    this.repository = repository;
  }

  /** Entries, newest first, filtered by whichever arguments are not null ({@code targetPrefix} matches the start of the target). */
  public List<AuditEntry> entries(@Nullable AuditAction action, @Nullable String actor, @Nullable String targetPrefix,
      @Nullable Instant from, @Nullable Instant to, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return repository.find(action, actor, targetPrefix, from, to, limit);
  }

  /**
   * Reads the whole chain in order and checks that the entries are numbered 1, 2, … without gaps,
   * that each names the previous entry's hash, that each hash matches its fields, and that the head
   * names the last entry. Entries appended while it runs (after the head it read first) are left
   * for the next run. Finds an edited, removed, inserted or reordered entry and a removed tail;
   * it cannot find a chain rebuilt from scratch by someone who can write the database, which is
   * what {@link ChainCheck#headHash()}, kept elsewhere, is for.
   *
   * @param progress told the number of entries checked so far, after each page
   */
  @Transactional(readOnly = true)
  public ChainCheck verify(LongConsumer progress) {
    Head head = repository.head();
    long expected = 1;
    String previous = EntryHash.GENESIS;
    long read = 0;
    List<AuditEntry> page;
    do {
      page = repository.page(expected - 1, head.lastSeq(), PAGE);
      for (AuditEntry e : page) {
        read++;
        if (e.seq() != expected) {
          return broken(read, expected, e.seq() > expected ? "entry " + expected + " is missing (the next is " + e.seq() + ")"
              : "entry " + e.seq() + " is out of order", head);
        }
        if (!e.prevHash().equals(previous)) {
          return broken(read, e.seq(), "entry " + e.seq() + " does not name the hash of entry " + (e.seq() - 1), head);
        }
        if (!EntryHash.of(e).equals(e.hash())) {
          return broken(read, e.seq(), "entry " + e.seq() + " was changed after it was written (its hash does not match its fields)",
              head);
        }
        previous = e.hash();
        expected++;
      }
      progress.accept(read);
    } while (page.size() == PAGE);
    long last = expected - 1;
    if (head.lastSeq() != last || !head.lastHash().equals(previous)) {
      return broken(read, head.lastSeq() > last ? last + 1 : last, head.lastSeq() > last
          ? "entries " + (last + 1) + " to " + head.lastSeq() + " are missing (the head names entry " + head.lastSeq() + ")"
          : "the head names another hash for entry " + last, head);
    }
    return new ChainCheck(read, null, null, head.lastHash());
  }

  private static ChainCheck broken(long read, long at, String problem, Head head) {
    return new ChainCheck(read, at, problem, head.lastHash());
  }
}
