package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ground truth of one simulated trade, for verifying what a client read over HTTP. Money in fen,
 * times at second precision.
 *
 * @param tid trade id
 * @param status TOP status name, e.g. {@code WAIT_SELLER_SEND_GOODS}
 * @param type TOP trade type, e.g. {@code fixed}
 * @param created when the buyer placed it
 * @param modified last change; never before {@code created}, never after the sandbox clock's now
 * @param payTime when it was paid, null if never paid
 * @param consignTime when it was shipped, null if not shipped
 * @param endTime when it finished or closed, null while open
 * @param everPaid whether it was paid at some point (also true for refunded trades)
 * @param paymentFen what the buyer pays: sum of sub-order payments + post fee − trade discount
 * @param postFeeFen post fee
 * @param discountFeeFen trade-level (shop coupon) discount, apportioned over the lines
 * @param lines sub-orders
 */
public record SandboxTrade(
    long tid,
    String status,
    String type,
    Instant created,
    Instant modified,
    @Nullable Instant payTime,
    @Nullable Instant consignTime,
    @Nullable Instant endTime,
    boolean everPaid,
    long paymentFen,
    long postFeeFen,
    long discountFeeFen,
    List<SandboxTradeLine> lines) {

  public SandboxTrade {
    lines = List.copyOf(lines);
  }
}
