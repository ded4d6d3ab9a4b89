package com.tmallbridge.aftersale;

import com.tmallbridge.sync.Dispatcher;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * One on-demand after-sale cycle: pull every shop's refunds up to now, then deliver the due outbox
 * messages (the rules of every applied snapshot, and any other due message).
 */
@Service
public class RefundSync {
  private static final int BATCH = 200;

  private final AfterSaleManagement management;
  private final Dispatcher dispatcher;

  RefundSync(AfterSaleManagement management, Dispatcher dispatcher) {
    this.management = management;
    this.dispatcher = dispatcher;
  }

  /** Pulls every shop, then delivers due messages until none is due. */
  public Result runOnce() {
    List<RefundPull> pulls = management.pollAll();
    int delivered = dispatcher.drainDue(BATCH);
    return new Result(pulls, delivered);
  }

  /**
   * @param pulls per-shop pull results
   * @param delivered outbox messages delivered
   */
  public record Result(List<RefundPull> pulls, int delivered) {}
}
