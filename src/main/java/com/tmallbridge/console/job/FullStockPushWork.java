package com.tmallbridge.console.job;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.stock.StockFullPush;

/**
 * The job "full stock push for a shop": every listing of the shop pushed to Tmall again, whatever
 * its figure, through the stock flow's {@link StockFullPush} (the pushes go through the outbox and
 * its push handler as always). One unit is one listing; it is done when its push ended — pushed,
 * or refused by Tmall (counted in the note; the error stays on the listing). Each step delivers a
 * few due outbox messages itself, so the job moves also where no dispatcher workers run; where they
 * run, they deliver side by side (the outbox claims each message once).
 */
public final class FullStockPushWork implements JobWork {
  /** The job kind. */
  public static final String KIND = "stock-push";
  /** Outbox messages delivered per step. */
  private static final int MESSAGES_PER_STEP = 2;

  private final StockFullPush stock;
  private final ShopId shop;

  public FullStockPushWork(StockFullPush stock, ShopId shop) {
    this.stock = stock;
    this.shop = shop;
  }

  @Override
  public long begin() {
    return stock.start(shop);
  }

  @Override
  public Step step() {
    stock.deliver(MESSAGES_PER_STEP);
    StockFullPush.Progress p = stock.progress(shop);
    return new Step(p.ended(), p.ended() >= p.total(), p.failed() == 0 ? "" : p.failed() + " refused by Tmall (see the stock screen)");
  }
}
