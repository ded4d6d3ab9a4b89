package com.tmallbridge.sandbox.tmall;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code taobao.trade.fullinfo.get}: one trade by {@code tid} with the requested fields; an unknown
 * tid answers code 15 {@code isv.trade-not-exist} as TOP does.
 */
final class TradeFullinfoMethod implements ApiMethod {
  private final TradeStore store;
  private final TradeJsonWriter writer;

  TradeFullinfoMethod(TradeStore store, TradeJsonWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  @Override
  public ObjectNode handle(ApiCall call) {
    FieldSelection fields = call.params().fields();
    long tid = call.params().requiredLong("tid");
    TradeRecord trade =
        store
            .get(tid)
            .orElseThrow(
                () ->
                    TopError.of(
                        15,
                        "Remote service error",
                        "isv.trade-not-exist",
                        "trade " + tid + " does not exist"));
    ObjectNode body = ResponseShape.object();
    body.set("trade", writer.write(trade, fields, call.shape(), true));
    return body;
  }
}
