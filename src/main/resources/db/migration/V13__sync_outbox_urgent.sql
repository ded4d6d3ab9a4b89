-- Urgent messages (order intake and intercepts, see MessageHandler.urgent) get a delivery lane of their
-- own: WHERE urgent AND status = ? AND next_attempt_at <= ? ORDER BY status, next_attempt_at, seq.
alter table sync_outbox add column urgent boolean default false not null;
create index ix_sync_outbox_urgent_due on sync_outbox (urgent, status, next_attempt_at, seq);
