package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One difference of the latest reconciliation of a shop's day. Amounts are signed fen as each side
 * holds them; null where a side has nothing to say (see {@link DifferenceCategory}).
 *
 * @param runId the run that found it
 * @param shopId the shop
 * @param day the day (GMT+8) the trade was paid, or the settlement lines' day for {@link
 *     DifferenceCategory#SETTLED_UNKNOWN_TRADE}
 * @param tid the Tmall trade
 * @param category what differs
 * @param tmallFen the Tmall side
 * @param erpFen the ERP side
 * @param settledFen the settlement side
 * @param detail one readable line: statuses or the fee concerned
 */
public record Difference(
    long runId,
    ShopId shopId,
    LocalDate day,
    String tid,
    DifferenceCategory category,
    @Nullable Long tmallFen,
    @Nullable Long erpFen,
    @Nullable Long settledFen,
    String detail) {}
