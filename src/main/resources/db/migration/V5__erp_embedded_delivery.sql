-- Built-in ERP: outbound deliveries (parcels) of sales orders. A delivery ships some or all open
-- quantities of a sales order's lines from one warehouse and books negative DELIVERY stock moves
-- (reference = delivery no + "/" + line no) in the same transaction. Runs on H2 (PostgreSQL mode)
-- and PostgreSQL 15.

-- Feed positions: deliveries (erp_delivery.id) and, from now on, stock moves (erp_stock_move.id)
-- take their id from a counter row updated in the booking transaction. The row lock orders the
-- bookings by commit, so a reader that has seen id N never later finds a newly committed id below
-- N; identity values, drawn at insert time, can commit out of order and a cursor would skip them.
-- Deliveries and stock moves are few next to orders; the short serialisation is the price of feeds
-- (DeliveryFeed, StockLedger.changesAfter) that miss nothing.
create table erp_counter (
  name   varchar(32) not null,
  last_id  bigint      not null,
  constraint erp_counter_pk primary key (name)
);
insert into erp_counter (name, last_id) values ('delivery', 0);
insert into erp_counter (name, last_id) select 'stock_move', coalesce(max(id), 0) from erp_stock_move;

create table erp_delivery (
  id                bigint       not null,
  delivery_no       varchar(32)  not null,
  sales_order_no    varchar(32)  not null,
  warehouse         varchar(32)  not null,
  carrier           varchar(64),
  tracking_no       varchar(64),
  caller_reference  varchar(128) not null,
  shipped_at        timestamp with time zone not null,
  constraint erp_delivery_pk primary key (id),
  constraint erp_delivery_no_uk unique (delivery_no),
  constraint erp_delivery_reference_uk unique (caller_reference),
  constraint erp_delivery_order_fk foreign key (sales_order_no) references erp_sales_order (doc_no),
  constraint erp_delivery_warehouse_fk foreign key (warehouse) references erp_warehouse (code)
);
create index erp_delivery_order on erp_delivery (sales_order_no);

-- One row per sales order line shipped in the delivery; material and external line id are copied
-- from the sales order line so the document reads on its own.
create table erp_delivery_line (
  delivery_id       bigint       not null,
  sales_order_no    varchar(32)  not null,
  line_no           integer      not null,
  external_line_id  varchar(64)  not null,
  material          varchar(64)  not null,
  quantity          integer      not null,
  constraint erp_delivery_line_pk primary key (delivery_id, line_no),
  constraint erp_delivery_line_delivery_fk foreign key (delivery_id) references erp_delivery (id),
  constraint erp_delivery_line_order_line_fk foreign key (sales_order_no, line_no)
      references erp_sales_order_line (doc_no, line_no),
  constraint erp_delivery_line_quantity_ck check (quantity > 0)
);
create index erp_delivery_line_order_line on erp_delivery_line (sales_order_no, line_no);
