-- The audit log: who did what, when, from where, to which target, with the state before and after.
-- Entries form a hash chain: each entry's hash covers its own fields and the previous entry's hash,
-- and audit_head holds the newest entry's number and hash, so an edited, removed or reordered entry,
-- and a truncated tail, are found by `audit verify`. Appends lock the head row, so the chain is linear
-- whatever the number of writers.
create table audit_entry (
  seq         bigint       not null primary key,
  at          timestamp with time zone not null,
  actor       varchar(100) not null,
  source      varchar(200) not null,
  action      varchar(40)  not null,
  target      varchar(300) not null,
  outcome     varchar(20)  not null,
  before_text text,
  after_text  text,
  prev_hash   varchar(64)  not null,
  hash        varchar(64)  not null
);
create index audit_entry_at on audit_entry (at);

create table audit_head (
  id        int         not null primary key,
  last_seq  bigint      not null,
  last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
