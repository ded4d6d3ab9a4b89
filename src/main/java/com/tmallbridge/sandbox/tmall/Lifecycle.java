package com.tmallbridge.sandbox.tmall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the life of a trade towards an outcome with realistic delays: payment within half an hour,
 * unpaid trades closed within a day, shipping within two days, confirmation 2–10 days later,
 * refunds before or after shipping, memos by the seller on some paid trades.
 */
final class Lifecycle {
  private static final String[][] CARRIERS = {
    {"顺丰速运", "SF", "SF"}, {"中通快递", "ZTO", "78"}, {"圆通速递", "YTO", "YT"},
    {"韵达快递", "YUNDA", "43"}, {"申通快递", "STO", "77"}, {"EMS", "EMS", "11"}
  };
  private static final String[] MEMOS = {
    "已联系买家确认尺码", "赠品：试用装x2", "加急发货", "买家要求发顺丰，已补运费", "优先发货", "地址已与买家核实"
  };

  private static final String[] REASONS = {
    "不想要了", "拍错了/多拍了", "尺码不合适", "质量问题", "与商品描述不符", "未按约定时间发货", "收到商品破损"
  };
  private static final ChineseAddressBook ADDRESSES = new ChineseAddressBook();

  private Lifecycle() {}

  /** A new delivery address for an address change: anywhere in the mainland, masked. */
  static MaskedReceiver newReceiver(SplittableRandom random) {
    return ADDRESSES.receiver(random, "张**", "139****" + digits(random, 4), null);
  }

  /** Events leading a freshly created trade to the outcome, ordered by offset. */
  static List<PlannedEvent> plan(
      TradeMix.Outcome outcome, SplittableRandom random, int lineCount) {
    List<PlannedEvent> events = new ArrayList<>();
    switch (outcome) {
      case UNPAID -> {}
      case CLOSED_UNPAID ->
          events.add(at(seconds(random, 1_800, 86_400), new TradeEvent.ClosedUnpaid()));
      default -> planPaid(outcome, random, events, lineCount);
    }
    events.sort(Comparator.comparing(PlannedEvent::offset));
    return events;
  }

  /**
   * The same events squeezed proportionally into {@code available} when the last one would come
   * later, so that no event lies in the future; order is kept.
   */
  static List<PlannedEvent> fitWithin(List<PlannedEvent> events, Duration available) {
    if (events.isEmpty()) {
      return events;
    }
    long last = events.get(events.size() - 1).offset().getSeconds();
    long room = Math.max(0, available.getSeconds());
    if (last <= room) {
      return events;
    }
    return events.stream().map(e -> at(e.offset().getSeconds() * room / last, e.event())).toList();
  }

  /** Payment details for a live or burst trade. */
  static TradeEvent.Paid payment(SplittableRandom random) {
    return new TradeEvent.Paid(digits(random, 15));
  }

  private static void planPaid(
      TradeMix.Outcome outcome, SplittableRandom random, List<PlannedEvent> events, int lineCount) {
    long paid = Math.min(seconds(random, 5, 1_800), seconds(random, 5, 1_800));
    events.add(at(paid, payment(random)));
    if (random.nextInt(5) == 0) {
      events.add(at(paid + seconds(random, 60, 21_600), memo(random)));
    }
    long shipped = paid + seconds(random, 3_600, 172_800);
    boolean ships =
        outcome == TradeMix.Outcome.SHIPPED
            || outcome == TradeMix.Outcome.FINISHED
            || (outcome == TradeMix.Outcome.REFUNDED && random.nextInt(10) < 3);
    if (ships) {
      events.add(at(shipped, new TradeEvent.Shipped(shipment(random))));
    }
    if (outcome == TradeMix.Outcome.FINISHED) {
      events.add(at(shipped + seconds(random, 172_800, 864_000), new TradeEvent.Finished()));
    }
    if (outcome != TradeMix.Outcome.REFUNDED && random.nextInt(100) < 3) {
      long before = Math.min(paid + seconds(random, 60, 7_200), shipped - 1);
      events.add(at(before, new TradeEvent.AddressChanged(newReceiver(random))));
    }
    if (outcome == TradeMix.Outcome.REFUNDED) {
      long from = (ships ? shipped : paid) + seconds(random, 600, 259_200);
      for (int line = 0; line < lineCount; line++) {
        RefundKind kind =
            ships && random.nextBoolean() ? RefundKind.RETURN : RefundKind.REFUND_ONLY;
        planCase(events, random, from + line, line, kind, 100, RefundAction.Kind.CONFIRM_GOODS);
      }
    } else if (ships && random.nextInt(100) < 8) {
      planExtraCase(events, random, shipped, lineCount);
    }
  }

  /** A partial after-sale case on a shipped trade, ending in any way; never closes the trade. */
  private static void planExtraCase(
      List<PlannedEvent> events, SplittableRandom random, long shipped, int lineCount) {
    int roll = random.nextInt(100);
    RefundKind kind =
        roll < 20 ? RefundKind.EXCHANGE : roll < 60 ? RefundKind.RETURN : RefundKind.REFUND_ONLY;
    RefundAction.Kind[] endings = RefundAction.Kind.values();
    RefundAction.Kind ending = endings[random.nextInt(endings.length)];
    int percent = 10 + random.nextInt(51);
    planCase(
        events,
        random,
        shipped + seconds(random, 3_600, 432_000),
        random.nextInt(lineCount),
        kind,
        percent,
        ending);
  }

  /**
   * Opens a case at {@code start} and walks it towards {@code ending}: AGREE or CONFIRM_GOODS means
   * success (a return passes through the buyer's parcel first), REFUSE a refusal, CLOSE a
   * withdrawal, RETURN_GOODS stops while the goods travel back.
   */
  private static void planCase(
      List<PlannedEvent> events,
      SplittableRandom random,
      long start,
      int line,
      RefundKind kind,
      int percent,
      RefundAction.Kind ending) {
    String reason = REASONS[random.nextInt(REASONS.length)];
    events.add(at(start, new TradeEvent.RefundRequested(line, kind, percent, reason)));
    long agreed = start + seconds(random, 600, 86_400);
    switch (ending) {
      case REFUSE -> events.add(at(agreed, new TradeEvent.RefundStep(line, RefundAction.REFUSE)));
      case CLOSE -> events.add(at(agreed, new TradeEvent.RefundStep(line, RefundAction.CLOSE)));
      default -> {
        events.add(at(agreed, new TradeEvent.RefundStep(line, RefundAction.AGREE)));
        if (kind.goodsReturn() && ending != RefundAction.Kind.AGREE) {
          Shipment parcel = shipment(random);
          long sent = agreed + seconds(random, 3_600, 172_800);
          RefundAction back = RefundAction.returnGoods(parcel.companyName(), parcel.invoiceNo());
          events.add(at(sent, new TradeEvent.RefundStep(line, back)));
          if (ending == RefundAction.Kind.CONFIRM_GOODS) {
            long received = sent + seconds(random, 86_400, 345_600);
            events.add(at(received, new TradeEvent.RefundStep(line, RefundAction.CONFIRM_GOODS)));
          }
        }
      }
    }
  }

  private static TradeEvent.MemoUpdated memo(SplittableRandom random) {
    return new TradeEvent.MemoUpdated(MEMOS[random.nextInt(MEMOS.length)], 1 + random.nextInt(5));
  }

  private static Shipment shipment(SplittableRandom random) {
    String[] carrier = CARRIERS[random.nextInt(CARRIERS.length)];
    return new Shipment(carrier[0], carrier[1], carrier[2] + digits(random, 12));
  }

  private static long seconds(SplittableRandom random, long min, long max) {
    return random.nextLong(min, max + 1);
  }

  private static PlannedEvent at(long seconds, TradeEvent event) {
    return new PlannedEvent(Duration.ofSeconds(seconds), event);
  }

  static String digits(SplittableRandom random, int count) {
    StringBuilder text = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      text.append((char) ('0' + random.nextInt(10)));
    }
    return text.toString();
  }
}
