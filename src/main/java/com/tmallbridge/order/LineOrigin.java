package com.tmallbridge.order;

/**
 * Where one ERP sales-order line comes from on Tmall. Component lines of a combo share their
 * sub-order's origin; a gift line has the gift line id as {@code oid} and empty item and SKU.
 *
 * @param oid the Tmall sub-order id, or {@code gift-<ruleId>}
 * @param numIid the Tmall item, {@code ""} for a gift
 * @param skuId the Tmall SKU, {@code ""} for items without SKUs and gifts
 */
record LineOrigin(String oid, String numIid, String skuId) {}
