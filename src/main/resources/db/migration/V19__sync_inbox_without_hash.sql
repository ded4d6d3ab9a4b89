-- Issue #10: the inbox compares a snapshot of the same modified time with the stored one by its
-- text (a string comparison in the row, only when such a row exists), no longer by a SHA-256 of the
-- payload computed for every snapshot offered. Runs on H2 (PostgreSQL mode) and PostgreSQL 15.
alter table sync_inbox drop column payload_hash;
