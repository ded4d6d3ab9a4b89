package com.tmallbridge.aftersale;

import com.tmallbridge.channel.ChannelRefund;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Builds channel refunds for tests. */
final class TestRefunds {
  static final Instant T0 = Instant.parse("2026-11-11T02:00:00Z");

  private TestRefunds() {}

  static Builder refund(String refundId, String status) {
    return new Builder(refundId, status);
  }

  /** A mutable refund under construction. */
  static final class Builder {
    private final String refundId;
    private String status;
    private String tid = "9001";
    private String oid = "9001";
    private long fee = 1000;
    private boolean goodReturn;
    private @Nullable String phase = "onsale";
    private @Nullable String dispute;
    private int num = 1;
    private Instant created = T0;
    private Instant modified = T0;

    Builder(String refundId, String status) {
      this.refundId = refundId;
      this.status = status;
    }

    Builder trade(String tid, String oid) {
      this.tid = tid;
      this.oid = oid;
      return this;
    }

    Builder status(String status) {
      this.status = status;
      return this;
    }

    Builder fee(long fen) {
      this.fee = fen;
      return this;
    }

    Builder withGoodReturn(boolean value) {
      this.goodReturn = value;
      return this;
    }

    Builder phase(@Nullable String value) {
      this.phase = value;
      return this;
    }

    Builder withDispute(@Nullable String value) {
      this.dispute = value;
      return this;
    }

    Builder num(int value) {
      this.num = value;
      return this;
    }

    Builder created(Instant value) {
      this.created = value;
      return this;
    }

    Builder modified(Instant value) {
      this.modified = value;
      return this;
    }

    ChannelRefund build() {
      return new ChannelRefund(refundId, tid, oid, status, fee, 10_000, 10_000 - fee, goodReturn, null, phase, dispute, "reason", null,
          created, modified, null, null, null, null, null, null, num, "title", "{\"refund_id\":\"" + refundId + "\"}");
    }
  }
}
