package com.tmallbridge.erp;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test data for ERP connector tests. Every value carries a per-instance random tag, so tests can run
 * repeatedly against a real ERP whose data outlives the test run.
 */
public final class ErpTestData {
  public static final Instant ORDERED_AT = Instant.parse("2025-11-10T16:00:05Z");
  public static final Instant PAID_AT = Instant.parse("2025-11-10T16:00:42Z");

  private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  private int sequence;

  /** The random tag of this instance, e.g. {@code 3F9A0C1B2D}. */
  public String tag() {
    return tag;
  }

  /** A shop code unique to this instance. */
  public String shopCode() {
    return "T" + tag;
  }

  /** A fresh material code, e.g. {@code CT-3F9A0C1B2D-1}. */
  public MaterialCode materialCode() {
    return new MaterialCode("CT-" + tag + "-" + (++sequence));
  }

  public Material material(MaterialCode code, long salePriceFen) {
    return new Material(code, "Contract test item " + code.value(), "pcs", salePriceFen);
  }

  /** A fresh channel order number that looks like a Tmall tid. */
  public ChannelOrderNo orderNo() {
    return new ChannelOrderNo(Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 9_000_000_000_000_000L)));
  }

  /** A buyer unique to this instance and {@code n}. */
  public CustomerRecord customer(int n) {
    return new CustomerRecord("tmall:" + tag + ":buyer" + n, "t**" + n, "浙江省");
  }

  /** A line of {@code quantity} units at {@code unitFen}, paid in full (no discount). */
  public static SalesOrderLine line(int lineNo, MaterialCode material, int quantity, long unitFen) {
    return new SalesOrderLine(
        lineNo, "oid-" + lineNo, material, quantity, unitFen, unitFen * quantity, "Item " + material.value() + " 颜色:红");
  }

  /** An order with the given lines and post fee; its total is the lines' amounts plus the post fee. */
  public SalesOrder order(String shopCode, ChannelOrderNo orderNo, long postFeeFen, List<SalesOrderLine> lines) {
    long total = lines.stream().mapToLong(SalesOrderLine::amountFen).sum() + postFeeFen;
    Receiver receiver = new Receiver("张**", "138****0000", null, "浙江省", "杭州市", "余杭区", "文一西路***号", "311100");
    return new SalesOrder(
        new ShopId(1), shopCode, orderNo, customer(1), receiver, ORDERED_AT, PAID_AT,
        new ArrayList<>(lines), postFeeFen, total, "请尽快发货", null);
  }
}
