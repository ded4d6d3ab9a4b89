-- Category names (module product, issue #12): Tmall's item categories as taobao.itemcats.get names them,
-- read by "products match" for the cids of the listings it stores. App-wide on Tmall, so not per shop.
-- path: the names from the top level down, joined with " > " (e.g. "女装/女士精品 > 连衣裙").
-- The sales report by category shows name and path beside the cid; a cid not named yet shows "-".
create table product_category (
  cid      bigint       not null,
  name     varchar(100) not null,
  path     varchar(400) not null,
  read_at  timestamp with time zone not null,
  constraint product_category_pk primary key (cid)
);
