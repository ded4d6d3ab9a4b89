-- Console exception queue (issue #11): an operator may close an exception without retrying it
-- ("ignore", status IGNORED); who did it and their note are kept on the row, next to resolved_at.
-- Runs on H2 (PostgreSQL mode) and PostgreSQL 15.
alter table order_exception add column closed_by varchar(100);
alter table order_exception add column close_note varchar(500);
