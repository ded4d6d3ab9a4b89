package com.tmallbridge.erp;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An outbound delivery (parcel) of a sales order, as booked in the ERP. A sales order may ship in
 * several deliveries (split parcels), each with some of its lines.
 *
 * @param deliveryNo the ERP's document number of the delivery
 * @param salesOrderNo the sales order it ships
 * @param shopCode the shop code the sales order was created for
 * @param channelOrderNo the channel's order number (Tmall {@code tid})
 * @param warehouse the warehouse the goods left
 * @param carrier the ERP's carrier code or name; null when not recorded
 * @param trackingNo the waybill number; null when not recorded
 * @param shippedAt when the goods left
 * @param lines what the parcel holds
 */
public record ErpDelivery(
    ErpDocNo deliveryNo,
    ErpDocNo salesOrderNo,
    String shopCode,
    ChannelOrderNo channelOrderNo,
    String warehouse,
    @Nullable String carrier,
    @Nullable String trackingNo,
    Instant shippedAt,
    List<Line> lines) {

  public ErpDelivery {
    lines = List.copyOf(lines);
  }

  /**
   * One delivered line.
   *
   * @param externalLineId the sales order line's external id (Tmall {@code oid})
   * @param material what left the warehouse
   * @param quantity units, positive
   */
  public record Line(String externalLineId, MaterialCode material, long quantity) {}
}
