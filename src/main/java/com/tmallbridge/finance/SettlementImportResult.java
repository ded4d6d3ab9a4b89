package com.tmallbridge.finance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one settlement import of one shop did.
 *
 * @param shopCode the shop
 * @param windows complete windows read
 * @param received lines Tmall delivered (a line may come twice: by biz_time and by pay_time)
 * @param inserted new lines stored
 * @param updated stored lines whose paid status or pay time changed
 * @param pulledUpTo the shop's cursor after the import; null when it has none yet
 * @param error why the import stopped early; null when it reached now minus the safety lag
 */
public record SettlementImportResult(
    String shopCode, int windows, int received, int inserted, int updated, @Nullable Instant pulledUpTo, @Nullable String error) {}
