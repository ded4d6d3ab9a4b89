-- Open (reserved, undelivered) units per material, kept by the stock module in the transaction that
-- changes a reservation, so the import reads one row per material instead of summing every open
-- reservation (issue #10). Always equal to sum(quantity - delivered) of the material's OPEN rows.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL 15.
create table stock_reserved (
  material  varchar(64) not null,
  reserved  bigint      not null,
  constraint stock_reserved_pk primary key (material)
);

-- Existing installs: the totals of the reservations open now.
insert into stock_reserved (material, reserved)
select material, sum(quantity - delivered) from stock_reservation where status = 'OPEN' group by material;

-- Nothing reads open reservations by material any more.
drop index stock_reservation_open;
