package com.tmallbridge.finance;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the bridge posted, or tried to post, under one voucher key ({@code finance_voucher}).
 *
 * @param key the voucher's idempotency key
 * @param shopId its shop
 * @param kind its kind of event
 * @param date its accounting date
 * @param explanation its explanation
 * @param totalFen its debit (= credit) total
 * @param connector the id of the ERP connector it went to
 * @param status {@code POSTED}, {@code FAILED} (retried by the next post) or {@code PENDING} (sent, answer not yet recorded)
 * @param erpVoucherNo the ERP's voucher number once posted
 * @param error why the last attempt failed
 * @param attempts how many times it was sent
 * @param updatedAt when the record last changed
 */
public record PostedVoucher(String key, ShopId shopId, PostingKind kind, LocalDate date, String explanation, long totalFen,
    String connector, String status, @Nullable String erpVoucherNo, @Nullable String error, int attempts, Instant updatedAt) {
  public static final String POSTED = "POSTED";
  public static final String FAILED = "FAILED";
  public static final String PENDING = "PENDING";
}
