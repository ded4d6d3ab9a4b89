/**
 * Stock: what each Tmall listing may show. Sellable stock per ERP material (on-hand in the
 * warehouses that feed a shop, minus paid-but-undelivered reservations, minus safety stock),
 * publish rules per shop and SKU, promotion locks, an allocation that never publishes more in total
 * than there is, pushes through the outbox, drift and oversell checks. The façade is
 * {@link com.tmallbridge.stock.StockManagement}; {@link com.tmallbridge.stock.StockSync} drives it.
 */
@NullMarked
package com.tmallbridge.stock;

import org.jspecify.annotations.NullMarked;
