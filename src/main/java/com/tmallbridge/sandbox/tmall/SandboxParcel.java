package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.List;

/**
 * Ground truth of one parcel a trade shipped in, as recorded by {@code taobao.logistics.offline.send}
 * (or by the generator for history).
 *
 * @param tid trade id
 * @param companyCode TOP company code, e.g. {@code SF}
 * @param companyName company name, e.g. {@code 顺丰速运}
 * @param outSid tracking number
 * @param oids the sub-orders in the parcel
 * @param shippedAt when it was sent (the trade's or sub-orders' {@code consign_time})
 */
public record SandboxParcel(
    long tid,
    String companyCode,
    String companyName,
    String outSid,
    List<Long> oids,
    Instant shippedAt) {

  public SandboxParcel {
    oids = List.copyOf(oids);
  }
}
