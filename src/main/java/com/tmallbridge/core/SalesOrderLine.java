package com.tmallbridge.core;

/**
 * One line of a canonical sales order.
 *
 * @param lineNo 1-based position in the order
 * @param externalLineId the channel's sub-order id (Tmall {@code oid})
 * @param material the ERP material this line sells
 * @param quantity units, positive
 * @param listPriceFen the channel's unit price before discounts
 * @param amountFen what the buyer paid for this line after every discount; the lines of an order
 *     plus its post fee add up to the order's total exactly
 * @param title the channel's item title (with SKU properties) for people reading the ERP document
 */
public record SalesOrderLine(
    int lineNo,
    String externalLineId,
    MaterialCode material,
    int quantity,
    long listPriceFen,
    long amountFen,
    String title) {}
