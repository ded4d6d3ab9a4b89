package com.tmallbridge.finance;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A trade exported to the ERP, as the SALE voucher needs it (from {@code order_trade}).
 *
 * @param tid the Tmall trade
 * @param date the day it was exported (Asia/Shanghai)
 * @param paymentFen what the buyer paid, freight included
 * @param postFeeFen the freight part of the payment
 * @param erpOrderNo the ERP's sales order, when known
 */
public record SaleEvent(String tid, LocalDate date, long paymentFen, long postFeeFen, @Nullable String erpOrderNo) {}
