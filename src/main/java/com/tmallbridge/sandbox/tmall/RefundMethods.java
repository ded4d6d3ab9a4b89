package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code taobao.refunds.receive.get} (the seller's cases by {@code modified}, newest first; {@code
 * status} one status or all, {@code type} default {@code guarantee_trade,auto_delivery}, optional
 * inclusive {@code start_modified}/{@code end_modified}, {@code page_size} 1..100, {@code
 * use_has_next}) and {@code taobao.refund.get} (one case by {@code refund_id}; unknown → code 15
 * {@code isv.refund-not-exist}).
 */
final class RefundMethods {
  private static final String DEFAULT_TYPES = "guarantee_trade,auto_delivery";

  private final RefundIndex refunds;
  private final TradeStore trades;
  private final RefundJsonWriter writer;

  RefundMethods(RefundIndex refunds, TradeStore trades, RefundJsonWriter writer) {
    this.refunds = refunds;
    this.trades = trades;
    this.writer = writer;
  }

  ObjectNode receiveGet(ApiCall call) {
    BusinessParams params = call.params();
    FieldSelection fields = params.fields();
    Set<RefundStatus> statuses = RefundStatus.parseFilter(params.optional("status"));
    String typeParam = params.optional("type");
    Set<TradeType> types = TradeType.parseFilter(typeParam == null ? DEFAULT_TYPES : typeParam);
    @Nullable Instant from = params.optionalTime("start_modified");
    @Nullable Instant to = params.optionalTime("end_modified");
    if (from != null && to != null && to.isBefore(from)) {
      throw TopError.ruleViolation("end_modified", "end_modified must not be earlier than start_modified");
    }
    params.rejectUnsupported("buyer_nick", "buyer_open_uid", "ouid");
    int pageNo = params.intInRange("page_no", 1, 1, Integer.MAX_VALUE);
    int pageSize = params.intInRange("page_size", 40, 1, 100);
    boolean useHasNext = params.bool("use_has_next", false);
    long offset = (long) (pageNo - 1) * pageSize;
    RefundIndex.Page page = refunds.query(statuses, types, from, to, offset, pageSize);
    ObjectNode body = ResponseShape.object();
    if (useHasNext) {
      body.put("has_next", offset + pageSize < page.total());
    } else {
      body.put("total_results", page.total());
    }
    List<ObjectNode> written = new ArrayList<>(page.refunds().size());
    for (RefundRecord refund : page.refunds()) {
      trades.get(refund.tid()).ifPresent(t -> written.add(writer.write(refund, t, fields, call.shape())));
    }
    call.shape().list(body, "refunds", "refund", written);
    return body;
  }

  ObjectNode get(ApiCall call) {
    FieldSelection fields = call.params().fields();
    long refundId = call.params().requiredLong("refund_id");
    RefundRecord refund =
        refunds
            .get(refundId)
            .orElseThrow(
                () ->
                    TopError.of(
                        15,
                        "Remote service error",
                        "isv.refund-not-exist",
                        "refund " + refundId + " does not exist"));
    TradeRecord trade = trades.get(refund.tid()).orElseThrow();
    ObjectNode body = ResponseShape.object();
    body.set("refund", writer.write(refund, trade, fields, call.shape()));
    return body;
  }
}
