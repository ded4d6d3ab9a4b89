-- A shipment's channel order number is the ERP's (up to 64 characters, as erp_sales_order.channel_order_no):
-- replacement orders of exchanges carry "<tid>-X<refund id>", longer than a Tmall tid.
alter table fulfilment_shipment alter column tid set data type varchar(64);
