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

  private Lifecycle() {}

  /** Events leading a freshly created trade to the outcome, ordered by offset. */
  static List<PlannedEvent> plan(TradeMix.Outcome outcome, SplittableRandom random) {
    List<PlannedEvent> events = new ArrayList<>();
    switch (outcome) {
      case UNPAID -> {}
      case CLOSED_UNPAID ->
          events.add(at(seconds(random, 1_800, 86_400), new TradeEvent.ClosedUnpaid()));
      default -> planPaid(outcome, random, events);
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
      TradeMix.Outcome outcome, SplittableRandom random, List<PlannedEvent> events) {
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
    if (outcome == TradeMix.Outcome.REFUNDED) {
      long from = ships ? shipped : paid;
      events.add(at(from + seconds(random, 600, 259_200), new TradeEvent.Refunded()));
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
