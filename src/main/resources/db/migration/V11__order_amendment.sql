-- Trade changes after import (issue #4): what the bridge last sent to the ERP for each exported
-- trade, and the built-in ERP's columns for amendments. Runs on H2 (PostgreSQL mode) and
-- PostgreSQL 15.

-- One row per trade whose ERP order was queued. The fingerprints (SHA-256, hex) of the receiver and
-- of the notes (buyer message, seller memo, seller flag) are compared with each newer snapshot; the
-- values behind them (sent_json, as Tmall sent them, already masked by Tmall) let an exception
-- say what changed. cancel_requested_at is set when the trade closed and the ERP order's
-- cancellation was queued; cancel_outcome records what the ERP did with it.
create table order_trade_amendment (
  shop_id              bigint        not null,
  tid                  varchar(32)   not null,
  snapshot_modified    timestamp with time zone not null,
  receiver_fp          varchar(64)   not null,
  memo_fp              varchar(64)   not null,
  sent_json            varchar(8000) not null,
  cancel_requested_at  timestamp with time zone,
  cancel_outcome       varchar(20),
  updated_at           timestamp with time zone not null,
  constraint order_trade_amendment_pk primary key (shop_id, tid)
);

-- Built-in ERP: the seller's flag and why an order was cancelled.
alter table erp_sales_order add column seller_flag integer default 0 not null;
alter table erp_sales_order add column cancel_reason varchar(200);
