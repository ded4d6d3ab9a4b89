-- Replacement orders of exchanges reserve stock under their channel order number <tid>-X<refund id>
-- (up to 41 characters), and a new reservation marks its listing to be pushed again (Tmall deducted
-- the sale itself) until a push of it starts after the reservation.
alter table stock_reservation alter column tid set data type varchar(64);
alter table stock_oversell alter column tid set data type varchar(64);
alter table stock_reservation add column needs_push boolean default false not null;
create index stock_reservation_listing_ix on stock_reservation (shop_id, num_iid, sku_id, needs_push);
