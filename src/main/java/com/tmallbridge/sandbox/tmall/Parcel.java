package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.List;

/** One parcel a trade shipped in: carrier, tracking number, the sub-orders inside, when. */
record Parcel(
    String companyCode, String companyName, String outSid, List<Long> oids, Instant shippedAt) {

  Parcel {
    oids = List.copyOf(oids);
  }

  Shipment shipment() {
    return new Shipment(companyName, companyCode, outSid);
  }

  SandboxParcel view(long tid) {
    return new SandboxParcel(tid, companyCode, companyName, outSid, oids, shippedAt);
  }
}
