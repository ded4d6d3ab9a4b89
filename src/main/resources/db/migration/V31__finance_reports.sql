-- Sales reports (module finance, issue #12): the columns the reports group by that were not stored.
-- The refund's reason as the buyer chose it (Tmall's "reason"), written by the after-sale module on every
-- applied snapshot. Refunds stored before this version keep null (reported as "-") until their next change.
alter table aftersale_refund add column reason varchar(200);
-- Tmall's leaf category id (cid) of the item, written by the product module whenever it reads the listings.
-- Listings read before this version keep null (reported as "-") until the next product match.
alter table product_listing add column cid bigint;
-- Built-in ERP: the standard cost of one unit of a material in fen (标准成本), null when not kept. The sales
-- report's margin uses it; materials without it have no margin.
alter table erp_material add column standard_cost_fen bigint;
