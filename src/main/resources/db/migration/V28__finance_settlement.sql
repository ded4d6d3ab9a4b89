-- Money (module finance): settlement lines imported from Tmall's bills (taobao.bill.bills.get),
-- one row per (shop, bid). amount_fen is signed as the merchant's Alipay balance sees it: income and
-- post fee positive, commission, points, service fee and refunds negative (see core.SettlementKind).
create table finance_settlement_line (
  shop_id      bigint       not null,
  bid          varchar(32)  not null,
  account_id   bigint       not null,
  kind         varchar(16)  not null,
  tid          varchar(32),
  oid          varchar(32),
  amount_fen   bigint       not null,
  paid         boolean      not null,
  biz_time     timestamp with time zone not null,
  pay_time     timestamp with time zone,
  imported_at  timestamp with time zone not null,
  updated_at   timestamp with time zone not null,
  primary key (shop_id, bid)
);
create index finance_settlement_trade on finance_settlement_line (shop_id, tid);
create index finance_settlement_biz on finance_settlement_line (shop_id, biz_time);

-- Tmall's bill accounts per shop (taobao.bill.accounts.get): which account id is income,
-- commission, points, service fee.
create table finance_bill_account (
  shop_id       bigint       not null,
  account_id    bigint       not null,
  account_code  varchar(64)  not null,
  account_name  varchar(200) not null,
  account_type  int          not null,
  primary key (shop_id, account_id)
);

-- How far each shop's bills were imported: every window ending at or before pulled_up_to is complete.
create table finance_settlement_cursor (
  shop_id       bigint       not null primary key,
  pulled_up_to  timestamp with time zone not null,
  updated_at    timestamp with time zone not null
);
