package com.tmallbridge.aftersale;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;

import com.tmallbridge.channel.ChannelRefund;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the after-sale flow for the CLI, the demo and other flows: pull refunds, take refunds
 * from another source (TMC), list and show them, re-run their rules, and the figures the demo
 * checks.
 */
@Service
public class AfterSaleManagement {
  private static final Logger log = LoggerFactory.getLogger(AfterSaleManagement.class);

  private final ShopManagement shops;
  private final RefundPoller poller;
  private final RefundStore store;
  private final RefundRepository refunds;
  private final RefundFollower follower;
  private final AuditLog audit;

  AfterSaleManagement(ShopManagement shops, RefundPoller poller, RefundStore store, RefundRepository refunds, RefundFollower follower,
      AuditLog audit) {
    this.shops = shops;
    this.poller = poller;
    this.store = store;
    this.refunds = refunds;
    this.follower = follower;
    this.audit = audit;
  }

  /** One refund pull for every shop, up to now; a failing shop does not stop the others. */
  public List<RefundPull> pollAll() {
    List<RefundPull> results = new ArrayList<>();
    for (Shop shop : shops.list()) {
      try {
        results.add(poller.poll(shop));
      } catch (RuntimeException e) {
        log.error("shop {}: refund pull failed", shop.code(), e);
        results.add(new RefundPull(shop.code(), 0, 0, 0, e.toString()));
      }
    }
    return results;
  }

  /**
   * Stores refunds read elsewhere (e.g. fetched after a TMC message) exactly as a pull would:
   * newer snapshots only, rules queued. Safe to call with duplicates and out of order.
   *
   * @return how many snapshots were applied
   * @throws IllegalArgumentException when the shop is unknown
   */
  public int offer(ShopId shopId, List<ChannelRefund> refundsRead) {
    Shop shop = shops.find(shopId).orElseThrow(() -> new IllegalArgumentException("no shop " + shopId.value()));
    return store.storePage(shop, refundsRead);
  }

  /** Refunds, newest first, filtered by the non-null arguments. */
  public List<RefundView> refunds(@Nullable ShopId shop, @Nullable String status, @Nullable String tid, int limit) {
    return refunds.list(shop, status, tid, limit);
  }

  /**
   * Refunds of the given shops, newest first (the console's list).
   *
   * @param stage only this stage, when not null
   * @param tidPrefix only trades whose id starts with this, when not null or blank
   */
  public List<RefundView> search(java.util.Collection<ShopId> shops, @Nullable RefundStage stage, @Nullable String tidPrefix, int limit) {
    return refunds.search(shops, stage, tidPrefix, limit);
  }

  /**
   * One page of refunds of {@code shops} (a user's scope; null: all), newest first, filtered by the
   * non-null arguments.
   *
   * @throws IllegalArgumentException when offset is negative or limit below 1
   */
  public List<RefundView> refunds(java.util.@Nullable Collection<ShopId> shops, @Nullable String status, @Nullable String tid, int offset,
      int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be at least 0 and limit at least 1, got " + offset + " and " + limit);
    }
    return refunds.list(shops, status, tid, offset, limit);
  }

  /** One refund with its status history and ERP effects. */
  public Optional<RefundDetail> refund(ShopId shop, String refundId) {
    return refunds.find(shop, refundId).map(r -> new RefundDetail(r, refunds.history(shop, refundId), refunds.effects(shop, refundId)));
  }

  /** Every refund with this Tmall refund id (one per shop that has it), with history and effects. */
  public List<RefundDetail> refundsWithId(String refundId) {
    return refunds.shopsWith(refundId).stream().map(shop -> refund(shop, refundId)).flatMap(Optional::stream).toList();
  }

  /**
   * Runs the rules of one refund again now (after the operator fixed what the ERP refused).
   *
   * @return the stage reached, empty for an unknown refund
   * @throws com.tmallbridge.sync.DeliveryException when the ERP is unavailable or the trade has no ERP order yet
   */
  @Transactional
  public Optional<RefundStage> retry(ShopId shop, String refundId) {
    Optional<RefundStage> stage = follower.follow(shop, refundId);
    stage.ifPresent(s -> audit.record(new AuditEvent(AuditAction.EXCEPTION_ACTION, "refund:" + shop.value() + "/" + refundId, "OK", null,
        "rules run again: " + s)));
    return stage;
  }

  /**
   * The demo's figures over all shops: {@code total}, {@code beforeShipping}, {@code afterShipping},
   * {@code returned} (refunds whose returned goods were received), {@code shippedAfterIntercept},
   * {@code exceptions} and {@code unreflected} (see {@link #unreflected()}).
   */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>(refunds.counts());
    counts.put("unreflected", (long) unreflected().size());
    return counts;
  }

  /**
   * Refunds whose current Tmall status the ERP does not reflect yet: succeeded but not settled
   * (lines cancelled, restocked, money adjusted, exchanged or reshipped), or closed/refused while
   * the delivery is still held. Refunds shipped after an intercept are reported by {@code
   * shippedAfterIntercept} instead.
   */
  public List<RefundView> unreflected() {
    return refunds.all().stream().filter(AfterSaleManagement::unreflected).toList();
  }

  private static boolean unreflected(RefundView r) {
    if (r.shippedAfterIntercept()) {
      return false;
    }
    return switch (r.status()) {
      case RefundRules.SUCCESS -> !r.stage().settlesSuccess();
      case RefundRules.CLOSED, RefundRules.REFUSED -> r.stage() == RefundStage.HELD || r.stage() == RefundStage.NEW;
      default -> r.stage() == RefundStage.NEW;
    };
  }
}
