package com.tmallbridge.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One settlement line of a shop as Tmall's bill (taobao.bill.bills.get) reports it, in the bridge's
 * canonical form. Identified by {@code (shopId, billId)}; importing the same line twice changes
 * nothing but its status.
 *
 * @param shopId the bridge's shop
 * @param billId Tmall's {@code bid}
 * @param accountId Tmall's bill account ({@code account_id})
 * @param kind what the line moved
 * @param tid the trade it belongs to; null for lines not related to a trade
 * @param oid the sub-order, when the bill names one
 * @param amountFen signed effect on the merchant's balance in fen (see {@link SettlementKind})
 * @param paid whether the money has moved ({@code status} 1); false while unsettled
 * @param bizTime when the business event happened (trade completion or refund)
 * @param payTime when Alipay moved the money; null while unsettled
 */
public record SettlementEntry(
    ShopId shopId,
    String billId,
    long accountId,
    SettlementKind kind,
    @Nullable String tid,
    @Nullable String oid,
    long amountFen,
    boolean paid,
    Instant bizTime,
    @Nullable Instant payTime) {}
