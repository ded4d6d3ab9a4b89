-- PostgreSQL only (Flyway location db/vendor/{vendor}; H2 has no partial indexes and no dead rows to
-- reclaim, so it skips this version). The outbox rewrites each row three times (insert, claim ->
-- IN_FLIGHT, complete -> DONE) and every rewrite leaves a dead row version and dead index entries
-- behind until VACUUM. Two changes keep the order path's statements off them:

-- 1. The status indexes hold unfinished messages only. A DONE row (nearly all of the table) then has
--    no entry in them, so the due scan, the in-flight recovery and "anything unfinished?" touch the
--    queue's own rows (and the dead entries of the messages moved on since the last vacuum), never
--    the history. OutboxRepository writes the status of each of these queries as a literal so that
--    the planner can match the partial index's predicate with or without statistics.
CREATE INDEX ix_sync_outbox_unfinished ON sync_outbox (status, next_attempt_at, seq)
    WHERE status IN ('PENDING', 'FAILED', 'IN_FLIGHT');
CREATE INDEX ix_sync_outbox_urgent_unfinished ON sync_outbox (status, next_attempt_at, seq)
    WHERE urgent AND status IN ('PENDING', 'FAILED');
-- the operator's "outbox list --status BLOCKED" (blocked messages are few; DONE ones are listed by seq)
CREATE INDEX ix_sync_outbox_blocked ON sync_outbox (seq) WHERE status = 'BLOCKED';
DROP INDEX ix_sync_outbox_due;
DROP INDEX ix_sync_outbox_urgent_due;

-- 2. Autovacuum and statistics for the outbox as often as the server's naptime allows, not after 20 %
--    of the table changed (PostgreSQL's default, which a table that only grows reaches ever later):
--    vacuum after 5,000 dead row versions (2,500 messages), analyse after 5,000 changes, and a vacuum
--    after 20,000 inserts as well, which also marks pages all-visible for index-only scans. Servers
--    with autovacuum off (the default server of the CI machine) ignore these settings.
ALTER TABLE sync_outbox SET (
    autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0.0, autovacuum_vacuum_insert_threshold = 20000,
    autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 5000);
