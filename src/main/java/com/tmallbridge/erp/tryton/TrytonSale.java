package com.tmallbridge.erp.tryton;

import org.jspecify.annotations.Nullable;

/**
 * A {@code sale.sale} as the connector reads it (wire record).
 *
 * @param id sale id; among sales with one reference the lowest id that left draft wins
 * @param number Tryton's sale number, given when the sale is quoted; null in draft
 * @param reference {@code tb:<shop code>:<order no>} for sales the bridge created
 * @param state {@code draft}, {@code quotation}, {@code confirmed}, {@code processing}, {@code done}, {@code cancelled}
 * @param shipmentState {@code none}, {@code waiting}, {@code sent}, {@code exception}
 * @param totalFen {@code total_amount}
 */
record TrytonSale(long id, @Nullable String number, @Nullable String reference, String state, @Nullable String shipmentState, long totalFen) {

  boolean draft() {
    return "draft".equals(state);
  }
}
