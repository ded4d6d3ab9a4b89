/**
 * Stock flow: computes sellable stock from the ERP's on-hand figures and publishes it to the
 * shops, and watches stock levels for low-stock alerts and replenishment suggestions.
 */
@NullMarked
package com.tmallbridge.stock;

import org.jspecify.annotations.NullMarked;
