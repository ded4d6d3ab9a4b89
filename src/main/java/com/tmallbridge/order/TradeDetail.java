package com.tmallbridge.order;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the order flow knows about one trade, for the console's order page.
 *
 * @param trade the bridge's row
 * @param firstSeenAt when the bridge first received the trade
 * @param exportedAt when the ERP took its sales order, null until then
 * @param snapshot Tmall's side from the latest stored snapshot, null when none is stored or it cannot be read
 * @param lines the lines as sent (or to be sent) to the ERP, empty while the trade has none
 * @param exceptions every exception of the trade, oldest first
 * @param amendedAt the Tmall modified time of the last snapshot sent on to the ERP as an amendment
 *     or as the original order, null when no ERP order was queued
 * @param cancelRequestedAt when the ERP order's cancellation was queued, null if never
 * @param cancelOutcome what the ERP did with the cancellation, null until known
 */
public record TradeDetail(
    TradeView trade,
    Instant firstSeenAt,
    @Nullable Instant exportedAt,
    @Nullable TradeSnapshotView snapshot,
    List<TradeLineView> lines,
    List<ExceptionRecord> exceptions,
    @Nullable Instant amendedAt,
    @Nullable Instant cancelRequestedAt,
    @Nullable String cancelOutcome) {

  public TradeDetail {
    lines = List.copyOf(lines);
    exceptions = List.copyOf(exceptions);
  }

  /** The open (or retrying) exception that holds the trade, if any. */
  public @Nullable ExceptionRecord openException() {
    return exceptions.stream().filter(e -> "OPEN".equals(e.status()) || "RETRYING".equals(e.status())).reduce((a, b) -> b).orElse(null);
  }
}
