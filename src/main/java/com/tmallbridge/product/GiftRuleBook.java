package com.tmallbridge.product;

import com.tmallbridge.core.ShopId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps gift rules valid and applies them to trades (see {@link GiftRules}). */
@Service
class GiftRuleBook implements GiftRules {
  private final GiftRuleRepository repository;
  private final ErpMaterials materials;
  private final Clock clock;

  GiftRuleBook(GiftRuleRepository repository, ErpMaterials materials, Clock clock) {
    this.repository = repository;
    this.materials = materials;
    this.clock = clock;
  }

  @Override
  public ShopGifts forShop(ShopId shop) {
    List<GiftRule> rules = repository.activeOf(shop);
    return (paidAt, paymentFen, lines) -> giftsFor(rules, paidAt, paymentFen, lines);
  }

  static List<Gift> giftsFor(List<GiftRule> rules, Instant paidAt, long paymentFen, List<TradeLine> lines) {
    List<Gift> gifts = new ArrayList<>();
    for (GiftRule rule : rules) {
      int units = triggeringUnits(rule, lines);
      if (units > 0 && paymentFen >= rule.minPaymentFen() && within(rule, paidAt)) {
        gifts.add(new Gift(rule.id(), rule.gift(), rule.perUnit() ? Math.multiplyExact(rule.quantity(), units) : rule.quantity()));
      }
    }
    return gifts;
  }

  private static boolean within(GiftRule rule, Instant paidAt) {
    return (rule.validFrom() == null || !paidAt.isBefore(rule.validFrom()))
        && (rule.validTo() == null || paidAt.isBefore(rule.validTo()));
  }

  /** Units of the lines that trigger the rule; 0 when none does. */
  static int triggeringUnits(GiftRule rule, List<TradeLine> lines) {
    int units = 0;
    for (TradeLine l : lines) {
      if (triggers(rule, l)) {
        units += l.quantity();
      }
    }
    return units;
  }

  private static boolean triggers(GiftRule rule, TradeLine l) {
    return switch (rule.trigger()) {
      case ANY -> true;
      case SKU -> l.numIid().equals(rule.triggerNumIid()) && (rule.triggerSkuId() == null || l.skuId().equals(rule.triggerSkuId()));
      case MATERIAL -> l.code().equals(rule.triggerCode())
          || l.components().stream().anyMatch(c -> c.material().value().equals(rule.triggerCode()));
    };
  }

  List<GiftRule> all() {
    return repository.all();
  }

  /**
   * Adds a rule.
   *
   * @return the rule with its id
   * @throws InvalidProductInputException when a value is missing or contradictory, or the gift
   *     material is not in the ERP
   */
  @Transactional
  GiftRule add(GiftRule rule) {
    validate(rule);
    long id = repository.insert(rule, clock.instant());
    return new GiftRule(id, rule.shop(), rule.trigger(), rule.triggerNumIid(), rule.triggerSkuId(), rule.triggerCode(),
        rule.minPaymentFen(), rule.validFrom(), rule.validTo(), rule.gift(), rule.quantity(), rule.perUnit(), rule.active());
  }

  @Transactional
  void remove(long id) {
    if (!repository.remove(id)) {
      throw new InvalidProductInputException(ProductErrorCode.INVALID_GIFT_RULE, "no gift rule with id " + id + " (see products gifts list)");
    }
  }

  private void validate(GiftRule r) {
    if (r.quantity() < 1) {
      throw invalid("quantity must be at least 1, got " + r.quantity());
    }
    if (r.minPaymentFen() < 0) {
      throw invalid("minimum payment must not be negative");
    }
    if (r.validFrom() != null && r.validTo() != null && !r.validFrom().isBefore(r.validTo())) {
      throw invalid("the window ends (" + r.validTo() + ") before it starts (" + r.validFrom() + ")");
    }
    if (r.trigger() == GiftRule.Trigger.SKU && (r.triggerNumIid() == null || r.triggerNumIid().isBlank())) {
      throw invalid("a SKU trigger needs the item (--item N, optionally --sku K)");
    }
    if (r.trigger() == GiftRule.Trigger.MATERIAL && (r.triggerCode() == null || r.triggerCode().isBlank())) {
      throw invalid("a material trigger needs the material or combo code (--trigger-material CODE)");
    }
    if (materials.existing(List.of(r.gift())).isEmpty()) {
      throw new InvalidProductInputException(ProductErrorCode.UNKNOWN_MATERIAL,
          "the gift material '" + r.gift() + "' does not exist in the ERP: create it first");
    }
  }

  private static InvalidProductInputException invalid(String message) {
    return new InvalidProductInputException(ProductErrorCode.INVALID_GIFT_RULE, "gift rule: " + message);
  }
}
