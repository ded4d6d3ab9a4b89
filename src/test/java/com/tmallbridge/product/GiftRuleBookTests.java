package com.tmallbridge.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which trades earn which gifts: trigger, threshold, window, per trade or per unit. */
class GiftRuleBookTests {
  private static final ShopId SHOP = new ShopId(1);
  private static final MaterialCode BAG = new MaterialCode("BAG");
  private static final Instant FROM = Instant.parse("2026-11-10T16:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-11T16:00:00Z");
  private static final GiftRules.TradeLine CUP_LINE =
      new GiftRules.TradeLine("600", "700", "CUP", List.of(new Component(new MaterialCode("CUP"), 1)), 3);
  private static final GiftRules.TradeLine SET_LINE = new GiftRules.TradeLine("601", "", "SET",
      List.of(new Component(new MaterialCode("LID"), 2), new Component(new MaterialCode("SPOON"), 1)), 1);

  private static GiftRule rule(long id, GiftRule.Trigger trigger, String numIid, String skuId, String code, long min, boolean perUnit) {
    return new GiftRule(id, SHOP, trigger, numIid, skuId, code, min, FROM, TO, BAG, 1, perUnit, true);
  }

  private static List<GiftRules.Gift> gifts(GiftRule rule, Instant paidAt, long payment, GiftRules.TradeLine... lines) {
    return GiftRuleBook.giftsFor(List.of(rule), paidAt, payment, List.of(lines));
  }

  @Test
  void givesTheGiftOnlyFromTheMinimumPaymentOn() {
    GiftRule r = rule(1, GiftRule.Trigger.ANY, null, null, null, 19_900, false);
    Instant paid = FROM.plusSeconds(60);
    assertThat(gifts(r, paid, 19_899, CUP_LINE)).isEmpty();
    assertThat(gifts(r, paid, 19_900, CUP_LINE)).containsExactly(new GiftRules.Gift(1, BAG, 1));
  }

  @Test
  void givesTheGiftOnlyToTradesPaidWithinTheWindowEndExclusive() {
    GiftRule r = rule(2, GiftRule.Trigger.ANY, null, null, null, 0, false);
    assertThat(gifts(r, FROM.minusSeconds(1), 100, CUP_LINE)).isEmpty();
    assertThat(gifts(r, FROM, 100, CUP_LINE)).hasSize(1);
    assertThat(gifts(r, TO.minusSeconds(1), 100, CUP_LINE)).hasSize(1);
    assertThat(gifts(r, TO, 100, CUP_LINE)).isEmpty();
  }

  @Test
  void aSkuTriggerNeedsThatItemAndSkuAndCountsItsUnitsWhenPerUnit() {
    Instant paid = FROM.plusSeconds(60);
    assertThat(gifts(rule(3, GiftRule.Trigger.SKU, "600", "700", null, 0, true), paid, 100, CUP_LINE, SET_LINE))
        .containsExactly(new GiftRules.Gift(3, BAG, 3));
    assertThat(gifts(rule(4, GiftRule.Trigger.SKU, "600", "701", null, 0, true), paid, 100, CUP_LINE)).isEmpty();
    assertThat(gifts(rule(5, GiftRule.Trigger.SKU, "600", null, null, 0, false), paid, 100, CUP_LINE))
        .containsExactly(new GiftRules.Gift(5, BAG, 1));
  }

  @Test
  void aMaterialTriggerMatchesTheCodeOrAComboComponent() {
    Instant paid = FROM.plusSeconds(60);
    assertThat(gifts(rule(6, GiftRule.Trigger.MATERIAL, null, null, "SPOON", 0, false), paid, 100, CUP_LINE, SET_LINE)).hasSize(1);
    assertThat(gifts(rule(7, GiftRule.Trigger.MATERIAL, null, null, "SET", 0, false), paid, 100, SET_LINE)).hasSize(1);
    assertThat(gifts(rule(8, GiftRule.Trigger.MATERIAL, null, null, "FORK", 0, false), paid, 100, CUP_LINE, SET_LINE)).isEmpty();
  }
}
