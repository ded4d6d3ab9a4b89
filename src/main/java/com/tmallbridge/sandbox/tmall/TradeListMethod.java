package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code taobao.trades.sold.increment.get} (by modified, window required, ≤ 1 day, not older than
 * three months) and {@code taobao.trades.sold.get} (by created, optional window clamped to the
 * three-month horizon). Both sort newest first then by tid, take inclusive bounds at second
 * precision, filter by {@code status} and {@code type}, and page with {@code page_no}/{@code
 * page_size} (1..100, default 40) or {@code use_has_next}.
 */
final class TradeListMethod implements ApiMethod {
  private static final Duration MAX_WINDOW = Duration.ofDays(1);
  private static final String[] UNSUPPORTED_FILTERS = {
    "buyer_nick", "buyer_open_uid", "buyer_open_id", "ext_type", "tag", "rate_status"
  };

  private final TradeQuery.Axis axis;
  private final String startParam;
  private final String endParam;
  private final TradeStore store;
  private final TradeJsonWriter writer;
  private final Clock clock;
  private final FaultInjector faults;

  private TradeListMethod(
      TradeQuery.Axis axis,
      TradeStore store,
      TradeJsonWriter writer,
      Clock clock,
      FaultInjector faults) {
    this.axis = axis;
    String suffix = axis == TradeQuery.Axis.MODIFIED ? "_modified" : "_created";
    this.startParam = "start" + suffix;
    this.endParam = "end" + suffix;
    this.store = store;
    this.writer = writer;
    this.clock = clock;
    this.faults = faults;
  }

  static TradeListMethod increment(
      TradeStore store, TradeJsonWriter writer, Clock clock, FaultInjector faults) {
    return new TradeListMethod(TradeQuery.Axis.MODIFIED, store, writer, clock, faults);
  }

  static TradeListMethod sold(
      TradeStore store, TradeJsonWriter writer, Clock clock, FaultInjector faults) {
    return new TradeListMethod(TradeQuery.Axis.CREATED, store, writer, clock, faults);
  }

  @Override
  public ObjectNode handle(ApiCall call) {
    BusinessParams params = call.params();
    FieldSelection fields = params.fields();
    Instant[] window =
        axis == TradeQuery.Axis.MODIFIED ? incrementWindow(params) : soldWindow(params);
    int[] categories =
        TradeRecord.categories(
            TradeStatus.parseFilter(params.optional("status")),
            TradeType.parseFilter(params.optional("type")));
    params.rejectUnsupported(UNSUPPORTED_FILTERS);
    int pageNo = params.intInRange("page_no", 1, 1, Integer.MAX_VALUE);
    int pageSize = params.intInRange("page_size", 40, 1, 100);
    boolean useHasNext = params.bool("use_has_next", false);
    long offset = (long) (pageNo - 1) * pageSize;
    int cappedOffset = (int) Math.min(offset, Integer.MAX_VALUE);
    TradePage page =
        store.query(new TradeQuery(axis, window[0], window[1], categories, cappedOffset, pageSize));
    ObjectNode body = ResponseShape.object();
    if (useHasNext) {
      body.put("has_next", offset + pageSize < page.total());
    } else {
      body.put("total_results", page.total());
    }
    boolean ordersRequested = fields.nested("orders", "order").isPresent();
    List<ObjectNode> trades = new ArrayList<>(page.trades().size());
    for (TradeRecord trade : page.trades()) {
      boolean partial = ordersRequested && faults.partialListEntry();
      trades.add(writer.write(trade, fields, call.shape(), !partial));
    }
    call.shape().list(body, "trades", "trade", trades);
    return body;
  }

  private Instant[] incrementWindow(BusinessParams params) {
    Instant start = params.requiredTime(startParam);
    Instant end = params.requiredTime(endParam);
    if (!end.isAfter(start)) {
      throw TopError.ruleViolation(endParam, endParam + " must be later than " + startParam);
    }
    if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
      throw TopError.ruleViolation(
          endParam,
          "the time span between " + startParam + " and " + endParam + " must not exceed one day");
    }
    if (start.isBefore(horizon())) {
      throw TopError.ruleViolation(
          startParam,
          startParam
              + " "
              + TopTime.format(start)
              + " is older than three months; only the last three months can be queried");
    }
    return new Instant[] {start, end};
  }

  private Instant[] soldWindow(BusinessParams params) {
    Instant horizon = horizon();
    @Nullable Instant start = params.optionalTime(startParam);
    @Nullable Instant end = params.optionalTime(endParam);
    Instant from = start == null || start.isBefore(horizon) ? horizon : start;
    Instant to = end == null ? TopTime.seconds(clock.instant()) : end;
    if (start != null && end != null && end.isBefore(start)) {
      throw TopError.ruleViolation(endParam, endParam + " must not be earlier than " + startParam);
    }
    return new Instant[] {from, to};
  }

  /** Three calendar months before now, in GMT+8, at second precision. */
  private Instant horizon() {
    return TopTime.seconds(
        ZonedDateTime.ofInstant(clock.instant(), TopTime.GMT8).minusMonths(3).toInstant());
  }
}
