package com.tmallbridge.order;

/**
 * One stored line of a trade as exported to the ERP (combo components appear as {@code oid#n}).
 *
 * @param lineNo position in the sales order
 * @param oid the Tmall sub-order id, or {@code oid#n} for the n-th component of a combo
 * @param materialCode the ERP material
 * @param quantity units
 * @param amountFen what the buyer paid for this line after every discount
 */
public record TradeLineView(int lineNo, String oid, String materialCode, int quantity, long amountFen) {}
