-- Money (module finance): the ERP side of a reconciliation run on PostgreSQL, one row per sales
-- order the ERP returned for the run's trades (read through the ERP SPI). PostgreSQL compares the
-- three sides in one statement straight from order_trade, finance_settlement_line and
-- aftersale_refund, so only this side, which comes from another system, is staged; H2 keeps
-- merging it into finance_recon_trade. No key: the rows are written once, hash-joined once and
-- deleted at the run's end, and an index would only cost its upkeep.
create table finance_recon_erp (
  run_id     bigint       not null,
  tid        varchar(32)  not null,
  doc_no     varchar(64)  not null,
  total_fen  bigint       not null,
  status     varchar(20)  not null
);
