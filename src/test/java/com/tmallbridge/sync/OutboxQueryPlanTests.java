package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the dispatcher's queries read the partial indexes of unfinished messages (V18) and
 * check a candidate's aggregate with one index probe each, whatever the statistics say: the plans
 * are read with {@code EXPLAIN} on a table that was never analysed, with a backlog and delivered
 * history in it, and sequential scans switched off so that only the choice between indexes and
 * join shapes is left to the planner. No timing is asserted. H2 has no partial indexes: skipped there.
 */
@DatabaseTest
class OutboxQueryPlanTests {
  private final SyncFixture db = SyncFixture.create();

  @BeforeEach
  void backlogAndHistory() {
    assumeTrue(TestDatabase.isPostgres(), "query plans of PostgreSQL");
    for (int i = 0; i < 40; i++) {
      db.enqueue("1:" + i, i % 2 == 0 ? "urgent.create" : "t", "k" + i);
    }
    db.dispatcher(SyncFixture.handler("urgent.create", m -> {}), SyncFixture.handler("t", m -> {})).flush(20);
    for (int i = 40; i < 60; i++) {
      db.enqueue("1:" + i, "t", "k" + i);
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void dueQueriesReadTheUnfinishedIndexAndProbeEachAggregate() {
    for (OutboxStatus status : List.of(OutboxStatus.PENDING, OutboxStatus.FAILED)) {
      String plan = plan(OutboxRepository.dueQuery(status, false, SqlDialect.POSTGRESQL));
      assertThat(plan).contains("ix_sync_outbox_unfinished").contains("SubPlan").contains("ix_sync_outbox_aggregate")
          .doesNotContain("Anti Join").doesNotContain("Seq Scan");
      String urgentPlan = plan(OutboxRepository.dueQuery(status, true, SqlDialect.POSTGRESQL));
      assertThat(urgentPlan).contains("ix_sync_outbox_urgent_unfinished").contains("SubPlan").doesNotContain("Anti Join");
    }
  }

  @Test
  void deliveredHistoryHasNoEntryInTheStatusIndexes() {
    assertThat(db.jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE status = 'DONE'").query(Integer.class).single()).isEqualTo(20);
    assertThat(statusIndexes("indexname")).containsExactlyInAnyOrder("ix_sync_outbox_unfinished", "ix_sync_outbox_urgent_unfinished");
    assertThat(statusIndexes("indexdef")).allSatisfy(def -> assertThat(def).contains(" WHERE ").doesNotContain("DONE"));
  }

  /** A column of pg_indexes for this schema's indexes of sync_outbox that lead with status. */
  private List<String> statusIndexes(String column) {
    return db.jdbc.sql("SELECT " + column + " FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'sync_outbox' "
        + "AND indexdef LIKE '%USING btree (status%'").query(String.class).list();
  }

  private String plan(String query) {
    return db.tx.execute(s -> {
      db.jdbc.sql("SET LOCAL enable_seqscan = off").update();
      return String.join("\n", db.jdbc.sql("EXPLAIN " + query)
          .params(db.clock.instant().atOffset(java.time.ZoneOffset.UTC), 100)
          .query(String.class).list());
    });
  }
}
