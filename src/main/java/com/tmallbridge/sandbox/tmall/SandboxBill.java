package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Ground truth of one settlement line of a sandbox shop, as {@code taobao.bill.bills.get} would
 * show it now. Amounts follow TOP's sign: income and fees positive on their accounts, refunds
 * negative on the trade account.
 *
 * <p>A finished trade gets per sub-order an income line (trade account, type 2) = its {@code
 * divide_order_fee} less what was refunded before it finished, and commission (type 3) 5.0 %,
 * Tmall points (type 5) 0.5 % and service fee (技术服务费, type 4) 1.0 % of that income, each
 * rounded half-up to the fen; plus one post-fee line (trade account, {@code oid} null). A money
 * refund after finishing is a negative trade-account line. About 9 % of finished trades (seeded)
 * stay unsettled.
 *
 * @param bid the bill id
 * @param accountId the fee account
 * @param accountType 1 virtual, 2 trade, 3 commission, 4 service fee (技术服务费), 5 Tmall points, 6 other
 * @param tid the trade; null for lines without one
 * @param oid the sub-order; null for the post-fee line
 * @param amountFen amount in fen as TOP shows it
 * @param paid whether Alipay moved the money ({@code status} 1)
 * @param bizTime trade completion (or refund) time
 * @param payTime when the money moved; null while unpaid
 */
public record SandboxBill(
    long bid,
    long accountId,
    int accountType,
    @Nullable Long tid,
    @Nullable Long oid,
    long amountFen,
    boolean paid,
    Instant bizTime,
    @Nullable Instant payTime) {}
