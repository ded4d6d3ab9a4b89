package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.DatabaseTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class OutboxRepositoryTests {
  private final SyncFixture db = SyncFixture.create();
  private final OutboxRepository repository = new OutboxRepository(db.jdbcTemplate, SqlDialect.detect(db.dataSource), db.cipher);

  @AfterEach
  void close() {
    db.close();
  }

  private List<ClaimedMessage> due() {
    return db.tx.execute(s -> repository.due(db.clock.instant(), 10, false));
  }

  @Test
  void ofTwoClaimersWithTheSameCandidatesOnlyTheFirstGetsThem() {
    db.enqueue("1:1", "t", "k1");
    db.enqueue("1:2", "t", "k2");
    List<ClaimedMessage> seenByA = due();
    List<ClaimedMessage> seenByB = due();
    Instant now = db.clock.instant();

    List<ClaimedMessage> claimedByA = db.tx.execute(s -> repository.claim(seenByA, "a", now));
    List<ClaimedMessage> claimedByB = db.tx.execute(s -> repository.claim(seenByB, "b", now));

    assertThat(claimedByA).extracting(ClaimedMessage::claimedBy).containsExactly("a", "a");
    assertThat(claimedByB).isEmpty();
    assertThat(due()).isEmpty();
  }

  @Test
  void writesWithAnOutdatedVersionChangeNothing() {
    db.enqueue("1:1", "t", "k1");
    ClaimedMessage candidate = due().get(0);
    Instant now = db.clock.instant();
    ClaimedMessage claimed = db.tx.execute(s -> repository.claim(List.of(candidate), "a", now)).get(0);

    assertThat(repository.complete(candidate, now)).isFalse();
    assertThat(repository.block(candidate, 1, Failure.noHandler("t"))).isFalse();
    assertThat(repository.fail(candidate, 1, Failure.noHandler("t"), now)).isFalse();
    assertThat(db.entry(claimed.message().id()).status()).isEqualTo(OutboxStatus.IN_FLIGHT);

    assertThat(repository.complete(claimed, now)).isTrue();
    assertThat(repository.complete(claimed, now)).as("a second completion").isFalse();
    assertThat(db.entry(claimed.message().id()).status()).isEqualTo(OutboxStatus.DONE);
  }

  @Test
  void releasedMessagesAreDueAgainAsBefore() {
    db.enqueue("1:1", "t", "k1");
    Instant now = db.clock.instant();
    ClaimedMessage claimed = db.tx.execute(s -> repository.claim(due(), "a", now)).get(0);

    assertThat(repository.release(List.of(claimed))).isEqualTo(1);

    assertThat(db.entry(claimed.message().id()).status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(due()).extracting(c -> c.message().id()).containsExactly(claimed.message().id());
  }
}
