package com.tmallbridge.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A trade as {@code orders list} shows it.
 *
 * @param shopId shop
 * @param shopCode shop code
 * @param tid Tmall trade id
 * @param status Tmall status
 * @param state bridge state
 * @param created when placed
 * @param modified Tmall modified time of the last applied snapshot
 * @param payTime when paid, null if never
 * @param paymentFen paid amount
 * @param erpOrderNo ERP sales order number, null until exported
 * @param erpAmountFen the total the ERP order was created with, null until exported
 * @param exception open exception's reason code, null if none
 */
public record TradeView(
    long shopId,
    String shopCode,
    String tid,
    String status,
    TradeState state,
    Instant created,
    Instant modified,
    @Nullable Instant payTime,
    long paymentFen,
    @Nullable String erpOrderNo,
    @Nullable Long erpAmountFen,
    @Nullable String exception) {}
