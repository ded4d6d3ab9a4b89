package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives after-sale cases, address and memo changes on live trades: explicitly, one call per step
 * (for tests and demo scripts), or at random at a given rate on the scheduler. Every change goes
 * through the trade store, so it moves {@code modified}, shows in the API and is published to TMC.
 * Thread-safe.
 */
final class AfterSaleDesk implements TradeStore.TradeObserver {
  private static final Logger LOG = LoggerFactory.getLogger(AfterSaleDesk.class);
  private static final long TICK_MILLIS = 100;
  private static final String[] MEMOS = {"已核实地址", "买家要求改地址", "退款处理中", "换货已安排", "已备注发票"};
  private static final String[] REASONS = {"不想要了", "尺码不合适", "质量问题", "与商品描述不符", "收到商品破损"};

  private final TradeStore store;
  private final RefundIndex refunds;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final SplittableRandom random;
  private final List<Long> paidTids = new ArrayList<>();
  private @Nullable ScheduledFuture<?> driver;
  private double pending;

  AfterSaleDesk(
      TradeStore store,
      RefundIndex refunds,
      Clock clock,
      ScheduledExecutorService scheduler,
      long seed) {
    this.store = store;
    this.refunds = refunds;
    this.clock = clock;
    this.scheduler = scheduler;
    this.random = new SplittableRandom(seed ^ 0xAF7E_5A1EL);
  }

  @Override
  public synchronized void changed(
      @Nullable TradeRecord before, TradeRecord after, boolean live) {
    boolean wasPaid = before != null && before.status().paid();
    if (!wasPaid && after.status().paid()) {
      paidTids.add(after.tid());
    }
  }

  /** Opens a case; see {@link SandboxShop#openRefund}. */
  SandboxRefund open(long tid, long oid, RefundKind kind, @Nullable Long feeFen, String reason) {
    TradeRecord changed =
        store.update(tid, t -> t.refundOpened(clock.instant(), oid, kind, feeFen, reason));
    return changed.lineState(oid).refund().view();
  }

  /** Moves a case on; see {@link SandboxShop#agreeRefund} and its siblings. */
  SandboxRefund step(long refundId, RefundAction action) {
    RefundRecord refund =
        refunds
            .get(refundId)
            .orElseThrow(() -> new IllegalArgumentException("no refund " + refundId));
    TradeRecord changed =
        store.update(
            refund.tid(),
            t -> {
              RefundRecord current = t.lineState(refund.oid()).refund();
              if (current == null || current.refundId() != refundId) {
                throw new IllegalStateException("refund " + refundId + " was replaced");
              }
              return t.refundChanged(clock.instant(), action.applyTo(current, clock.instant()));
            });
    return changed.lineState(refund.oid()).refund().view();
  }

  void changeAddress(long tid) {
    MaskedReceiver receiver;
    synchronized (this) {
      receiver = Lifecycle.newReceiver(random);
    }
    store.update(tid, t -> t.receiverChanged(clock.instant(), receiver));
  }

  void changeMemo(long tid, String memo, int flag) {
    if (flag < 0 || flag > 5) {
      throw new IllegalArgumentException("seller flag must be 0..5, got " + flag);
    }
    store.update(tid, t -> t.memoUpdated(clock.instant(), memo, flag));
  }

  /**
   * Starts (or with 0 stops) random after-sale traffic: about {@code perSecond} actions a second,
   * each opening a case, moving an open case on, changing an address or a memo.
   */
  synchronized void random(double perSecond) {
    if (perSecond < 0 || Double.isNaN(perSecond)) {
      throw new IllegalArgumentException("rate must be >= 0, got " + perSecond);
    }
    if (driver != null) {
      driver.cancel(false);
      driver = null;
    }
    if (perSecond > 0) {
      double perTick = perSecond * TICK_MILLIS / 1000.0;
      driver =
          scheduler.scheduleAtFixedRate(
              () -> tick(perTick), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void tick(double perTick) {
    int actions;
    synchronized (this) {
      pending += perTick;
      actions = (int) pending;
      pending -= actions;
    }
    for (int i = 0; i < actions; i++) {
      try {
        randomAction();
      } catch (IllegalStateException | IllegalArgumentException e) {
        LOG.debug("random after-sale action skipped: {}", e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("random after-sale action failed", e);
      }
    }
  }

  /** One random action; a draw that does not fit the chosen trade is skipped. */
  void randomAction() {
    int roll;
    long tid;
    List<RefundRecord> open = refunds.open();
    synchronized (this) {
      if (paidTids.isEmpty()) {
        return;
      }
      roll = random.nextInt(100);
      tid = paidTids.get(random.nextInt(paidTids.size()));
    }
    if (roll < 45 && !open.isEmpty()) {
      RefundRecord refund;
      int choice;
      synchronized (this) {
        refund = open.get(random.nextInt(open.size()));
        choice = random.nextInt(100);
      }
      step(refund.refundId(), nextStep(refund, choice));
    } else if (roll < 80) {
      openRandom(tid);
    } else if (roll < 90) {
      changeAddress(tid);
    } else {
      synchronized (this) {
        roll = random.nextInt(MEMOS.length);
      }
      changeMemo(tid, MEMOS[roll], 1 + roll % 5);
    }
  }

  private RefundAction nextStep(RefundRecord refund, int choice) {
    return switch (refund.status()) {
      case WAIT_SELLER_AGREE ->
          choice < 70 ? RefundAction.AGREE : choice < 85 ? RefundAction.REFUSE : RefundAction.CLOSE;
      case WAIT_BUYER_RETURN_GOODS -> {
        if (choice >= 85) {
          yield RefundAction.CLOSE;
        }
        String sid;
        synchronized (this) {
          sid = "SF" + Lifecycle.digits(random, 12);
        }
        yield RefundAction.returnGoods("顺丰速运", sid);
      }
      case WAIT_SELLER_CONFIRM_GOODS -> RefundAction.CONFIRM_GOODS;
      default -> RefundAction.CLOSE;
    };
  }

  private void openRandom(long tid) {
    TradeRecord trade = store.get(tid).orElseThrow();
    RefundKind kind;
    int percent;
    OrderLine line;
    String reason;
    synchronized (this) {
      line = trade.lines().get(random.nextInt(trade.lines().size()));
      int roll = random.nextInt(100);
      kind =
          trade.parcelOf(line.oid()).isEmpty() || roll < 45
              ? RefundKind.REFUND_ONLY
              : roll < 85 ? RefundKind.RETURN : RefundKind.EXCHANGE;
      percent = random.nextInt(100) < 60 ? 100 : 10 + random.nextInt(80);
      reason = REASONS[random.nextInt(REASONS.length)];
    }
    long refundable = line.divideOrderFeeFen() - trade.lineState(line.oid()).refundedFen();
    Long fee = percent == 100 ? null : Math.max(1, refundable * percent / 100);
    open(tid, line.oid(), kind, fee, reason);
  }
}
