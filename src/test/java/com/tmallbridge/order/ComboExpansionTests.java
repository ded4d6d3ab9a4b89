package com.tmallbridge.order;

import static com.tmallbridge.order.TestTrades.line;
import static com.tmallbridge.order.TestTrades.paid;
import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.product.Component;
import com.tmallbridge.product.GiftRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Combo (组合装) expansion and gift lines in {@link TradeNormaliser}. */
class ComboExpansionTests {
  private static final ShopId SHOP = new ShopId(1);
  private static final MaterialCode CUP = new MaterialCode("CUP");
  private static final MaterialCode LID = new MaterialCode("LID");
  private static final MaterialCode BAG = new MaterialCode("BAG");
  private final TradeNormaliser normaliser = new TradeNormaliser();

  private static SkuResolver.LineMatch combo(String code, Component... components) {
    return new SkuResolver.LineMatch(code, List.of(components));
  }

  private Normalisation.Ready ready(ChannelTrade t, Map<String, SkuResolver.LineMatch> matches, Map<MaterialCode, Long> prices,
      List<GiftRules.Gift> gifts) {
    Normalisation n = normaliser.normalise(SHOP, "TM01", t, matches, Map.of(), prices, gifts);
    assertThat(n).isInstanceOf(Normalisation.Ready.class);
    return (Normalisation.Ready) n;
  }

  @Test
  void expandsAComboIntoOneLinePerComponentWithAmountsByErpPriceTimesQuantity() {
    // 2 sets of (1 cup at 30.00 + 2 lids at 5.00) sold for 70.00: weights 3000 and 1000
    ChannelTrade t = paid("2001", 7_000, 0, List.of(line("1", "SET-1", 2, 4_000, 7_000, null)));
    var r = ready(t, Map.of("1", combo("SET-1", new Component(CUP, 1), new Component(LID, 2))), Map.of(CUP, 3_000L, LID, 500L), List.of());

    assertThat(r.order().lines()).extracting(SalesOrderLine::externalLineId, SalesOrderLine::material, SalesOrderLine::quantity,
            SalesOrderLine::amountFen, SalesOrderLine::listPriceFen, SalesOrderLine::lineNo)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", CUP, 2, 5_250L, 3_000L, 1),
            org.assertj.core.groups.Tuple.tuple("1#2", LID, 4, 1_750L, 500L, 2));
    assertThat(r.origins()).extracting(LineOrigin::oid).containsExactly("1", "1");
  }

  @Test
  void fallsBackToQuantityWeightsWhenComponentPricesAreZeroOrUnknown() {
    ChannelTrade t = paid("2002", 1_000, 0, List.of(line("1", "SET-1", 1, 1_000, 1_000, null)));
    var r = ready(t, Map.of("1", combo("SET-1", new Component(CUP, 1), new Component(LID, 3))), Map.of(), List.of());

    assertThat(r.order().lines()).extracting(SalesOrderLine::amountFen).containsExactly(250L, 750L);
  }

  @Test
  void addsZeroPricedGiftLinesAfterTheGoodsWithTheirOwnLineIds() {
    ChannelTrade t = paid("2003", 10_000, 1_000, List.of(line("1", "CUP", 1, 9_000, 9_000, null)));
    var r = ready(t, Map.of("1", SkuResolver.LineMatch.plain(CUP)), Map.of(), List.of(new GiftRules.Gift(7, BAG, 2)));

    assertThat(r.order().lines()).hasSize(2);
    SalesOrderLine gift = r.order().lines().get(1);
    assertThat(gift.externalLineId()).isEqualTo("gift-7");
    assertThat(gift.material()).isEqualTo(BAG);
    assertThat(gift.quantity()).isEqualTo(2);
    assertThat(gift.amountFen()).isZero();
    assertThat(gift.listPriceFen()).isZero();
    assertThat(r.origins().get(1)).isEqualTo(new LineOrigin("gift-7", "", ""));
    assertThat(new Normalised(t, r.order(), r.origins()).stockLines()).extracting(TradeStockEvent.Line::material, TradeStockEvent.Line::quantity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CUP, 1), org.assertj.core.groups.Tuple.tuple(BAG, 2));
  }

  @Test
  void randomTradesWithCombosAndGiftsAlwaysAddUpToThePaymentWithUniqueLineIds() {
    long seed = System.nanoTime();
    System.out.println("ComboExpansionTests seed=" + seed);
    Random random = new Random(seed);
    List<MaterialCode> materials = new ArrayList<>();
    Map<MaterialCode, Long> prices = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      MaterialCode m = new MaterialCode("M" + i);
      materials.add(m);
      prices.put(m, random.nextInt(4) == 0 ? 0L : (long) random.nextInt(50_000));
    }
    for (int round = 0; round < 500; round++) {
      int n = 1 + random.nextInt(5);
      List<ChannelTradeLine> lines = new ArrayList<>();
      Map<String, SkuResolver.LineMatch> matches = new HashMap<>();
      long goods = 0;
      for (int i = 1; i <= n; i++) {
        long pay = random.nextInt(100_000);
        goods += pay;
        lines.add(line(Integer.toString(i), "X", 1 + random.nextInt(5), pay, pay, random.nextBoolean() ? pay : null));
        matches.put(Integer.toString(i), randomMatch(random, materials));
      }
      long post = random.nextInt(2_000);
      List<GiftRules.Gift> gifts = random.nextBoolean() ? List.of(new GiftRules.Gift(round + 1, materials.get(0), 1)) : List.of();
      ChannelTrade t = paid("3" + round, goods + post, post, lines);
      SalesOrder order = ready(t, matches, prices, gifts).order();

      String context = "seed " + seed + " round " + round;
      assertThat(order.lines().stream().mapToLong(SalesOrderLine::amountFen).sum() + order.postFeeFen()).as(context).isEqualTo(goods + post);
      assertThat(order.lines()).as(context).allSatisfy(l -> assertThat(l.amountFen()).isNotNegative());
      assertThat(new HashSet<>(order.lines().stream().map(SalesOrderLine::externalLineId).toList())).as(context).hasSize(order.lines().size());
      for (ChannelTradeLine l : lines) {
        int expectedUnits = matches.get(l.oid()).components().stream().mapToInt(c -> c.quantity() * l.num()).sum();
        int units = order.lines().stream().filter(o -> o.externalLineId().equals(l.oid()) || o.externalLineId().startsWith(l.oid() + "#"))
            .mapToInt(SalesOrderLine::quantity).sum();
        assertThat(units).as(context + " units of " + l.oid()).isEqualTo(expectedUnits);
      }
    }
  }

  private static SkuResolver.LineMatch randomMatch(Random random, List<MaterialCode> materials) {
    if (random.nextBoolean()) {
      return SkuResolver.LineMatch.plain(materials.get(random.nextInt(materials.size())));
    }
    List<MaterialCode> shuffled = new ArrayList<>(materials);
    java.util.Collections.shuffle(shuffled, random);
    List<Component> components = new ArrayList<>();
    for (int k = 0; k < 1 + random.nextInt(4); k++) {
      components.add(new Component(shuffled.get(k), 1 + random.nextInt(3)));
    }
    return new SkuResolver.LineMatch("COMBO", components);
  }
}
