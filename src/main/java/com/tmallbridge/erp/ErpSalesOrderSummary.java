package com.tmallbridge.erp;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;

/**
 * A sales order as the ERP holds it, for verification and reconciliation.
 *
 * @param docNo ERP document number
 * @param shopCode the shop code the order was created for
 * @param orderNo the channel order number it was created from
 * @param totalFen order total (lines plus freight) as the ERP computes it
 * @param lineCount number of lines
 * @param status where the order stands, mapped from the ERP's own state
 */
public record ErpSalesOrderSummary(
    ErpDocNo docNo, String shopCode, ChannelOrderNo orderNo, long totalFen, int lineCount, ErpOrderStatus status) {}
