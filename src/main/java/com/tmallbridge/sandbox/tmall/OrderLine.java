package com.tmallbridge.sandbox.tmall;

import org.jspecify.annotations.Nullable;

/**
 * One sub-order (TOP {@code Order}). Money in fen: {@code payment = total_fee = price·num + adjust
 * − discount}; {@code divideOrderFeeFen} is the payment after the trade-level discount was
 * apportioned over the sub-orders.
 */
record OrderLine(
    long oid,
    long numIid,
    @Nullable Long skuId,
    String title,
    @Nullable String skuPropertiesName,
    @Nullable String outerIid,
    @Nullable String outerSkuId,
    long cid,
    String picPath,
    int num,
    long priceFen,
    long adjustFeeFen,
    long discountFeeFen,
    long divideOrderFeeFen) {

  long paymentFen() {
    return priceFen * num + adjustFeeFen - discountFeeFen;
  }

  /** The share of the trade-level discount this sub-order carries. */
  long partMjzDiscountFen() {
    return paymentFen() - divideOrderFeeFen;
  }

  /** The same line under another oid (a trade left with one line uses the tid as oid). */
  OrderLine withOid(long newOid) {
    return new OrderLine(
        newOid,
        numIid,
        skuId,
        title,
        skuPropertiesName,
        outerIid,
        outerSkuId,
        cid,
        picPath,
        num,
        priceFen,
        adjustFeeFen,
        discountFeeFen,
        divideOrderFeeFen);
  }

  OrderLine withDivideOrderFee(long fen) {
    return new OrderLine(
        oid,
        numIid,
        skuId,
        title,
        skuPropertiesName,
        outerIid,
        outerSkuId,
        cid,
        picPath,
        num,
        priceFen,
        adjustFeeFen,
        discountFeeFen,
        fen);
  }
}
