package com.tmallbridge.sandbox.tmall;

import org.jspecify.annotations.Nullable;

/**
 * Trade-level money on top of the sub-orders: the post fee the buyer pays and a shop-level discount
 * (e.g. a {@code 满199减20} coupon) that is apportioned over the sub-orders as {@code
 * divide_order_fee}.
 */
record TradeCharges(long postFeeFen, long discountFeeFen, @Nullable String promotionName) {}
