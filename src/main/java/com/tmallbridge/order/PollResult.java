package com.tmallbridge.order;

import org.jspecify.annotations.Nullable;

/**
 * What one pull cycle of one shop did.
 *
 * @param shopCode the shop
 * @param windows windows completed (checkpoint advanced)
 * @param received trades received (with repeats)
 * @param applied newer snapshots applied
 * @param queued ERP sales orders enqueued
 * @param held trades that became exceptions
 * @param error why the cycle stopped early, null when it completed
 */
public record PollResult(String shopCode, int windows, int received, int applied, int queued, int held, @Nullable String error) {

  PollResult plus(TradeImporter.ImportResult r) {
    return new PollResult(shopCode, windows, received + r.received(), applied + r.applied(), queued + r.queued(), held + r.held(), error);
  }

  PollResult windowDone() {
    return new PollResult(shopCode, windows + 1, received, applied, queued, held, error);
  }

  PollResult failed(String why) {
    return new PollResult(shopCode, windows, received, applied, queued, held, why);
  }
}
