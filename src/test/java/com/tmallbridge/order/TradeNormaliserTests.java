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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TradeNormaliserTests {
  private final TradeNormaliser normaliser = new TradeNormaliser();
  private final ShopId shop = new ShopId(1);

  private Normalisation normalise(ChannelTrade t) {
    Map<String, MaterialCode> materials = new HashMap<>();
    t.lines().forEach(l -> materials.put(l.oid(), new MaterialCode(l.outerSkuId())));
    return normaliser.normalise(shop, "TM01", t, materials, Map.of());
  }

  @Test
  void usesDivideOrderFeeAsLineAmountsWhenTheyAddUp() {
    ChannelTrade t = paid("1001", 25_800, 1_000, List.of(line("1", "A-1", 2, 10_000, 20_000, 15_000L), line("2", "B-2", 1, 10_000, 10_000, 9_800L)));
    SalesOrder order = ((Normalisation.Ready) normalise(t)).order();
    assertThat(order.lines()).extracting(SalesOrderLine::amountFen).containsExactly(15_000L, 9_800L);
    assertThat(order.totalFen()).isEqualTo(25_800);
    assertThat(order.postFeeFen()).isEqualTo(1_000);
    assertThat(order.customer().externalKey()).isEqualTo("tmall:AAHm5d-open-uid-1001");
    assertThat(order.lines().get(0).title()).isEqualTo("连衣裙 [颜色:白色;尺码:XL]");
  }

  @Test
  void apportionsTheTradeDiscountOverLinePaymentsWhenDivideOrderFeeIsMissing() {
    // lines pay 100.00 + 50.00, a shop coupon takes 10.00 off the trade, post fee 0
    ChannelTrade t = paid("1002", 14_000, 0, List.of(line("1", "A-1", 1, 10_000, 10_000, null), line("2", "B-2", 1, 5_000, 5_000, null)));
    SalesOrder order = ((Normalisation.Ready) normalise(t)).order();
    assertThat(order.lines()).extracting(SalesOrderLine::amountFen).containsExactly(9_333L, 4_667L);
  }

  @Test
  void rejectsATradeWhosePaymentIsBelowItsPostFee() {
    ChannelTrade t = paid("1003", 500, 1_000, List.of(line("1", "A-1", 1, 500, 500, null)));
    assertThat(normalise(t)).isInstanceOfSatisfying(Normalisation.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(OrderReason.INVALID_AMOUNT));
  }

  @Test
  void rejectsZeroQuantityAndEmptyTrades() {
    assertThat(normalise(paid("1004", 100, 0, List.of(line("1", "A-1", 0, 100, 100, null)))))
        .isInstanceOfSatisfying(Normalisation.Rejected.class, r -> assertThat(r.reason()).isEqualTo(OrderReason.INVALID_TRADE));
    assertThat(normalise(paid("1005", 100, 0, List.of())))
        .isInstanceOfSatisfying(Normalisation.Rejected.class, r -> assertThat(r.reason()).isEqualTo(OrderReason.INVALID_TRADE));
  }

  @Test
  void reportsUnmappedLinesWithTheirExplanation() {
    ChannelTrade t = paid("1006", 100, 0, List.of(line("1", "A-1", 1, 100, 100, null)));
    Normalisation n = normaliser.normalise(shop, "TM01", t, Map.of(), Map.of("1", "sub-order 1 maps to material 'A-1', which the ERP does not have"));
    assertThat(n).isInstanceOfSatisfying(Normalisation.Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo(OrderReason.UNMAPPED_SKU);
      assertThat(r.message()).contains("A-1");
    });
  }

  @Test
  void linesPlusPostFeeAlwaysEqualThePaymentForRandomTrades() {
    long seed = System.nanoTime();
    System.out.println("TradeNormaliserTests seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int run = 0; run < 2_000; run++) {
      int n = 1 + random.nextInt(6);
      List<ChannelTradeLine> lines = new ArrayList<>();
      long goods = 0;
      for (int i = 0; i < n; i++) {
        long pay = random.nextLong(1, 500_000);
        goods += pay;
        lines.add(line(Integer.toString(i + 1), "M-" + i, 1 + random.nextInt(5), pay, pay, random.nextBoolean() ? null : pay));
      }
      long postFee = random.nextInt(3) == 0 ? 0 : random.nextLong(0, 2_000);
      long discount = random.nextLong(0, goods / 3 + 1);
      ChannelTrade t = paid(Long.toString(9_000 + run), goods - discount + postFee, postFee, lines);
      SalesOrder order = ((Normalisation.Ready) normalise(t)).order();
      long sum = order.lines().stream().mapToLong(SalesOrderLine::amountFen).sum() + order.postFeeFen();
      assertThat(sum).as("seed %d run %d", seed, run).isEqualTo(t.paymentFen());
      assertThat(order.lines()).allSatisfy(l -> assertThat(l.amountFen()).isNotNegative());
    }
  }
}
