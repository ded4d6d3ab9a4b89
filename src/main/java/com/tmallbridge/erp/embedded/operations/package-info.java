/**
 * What a warehouse and back office do in the built-in ERP, for the demo, the go-live check and
 * tests: receive goods, adjust stock, ship sales orders (in full or split into parcels), cancel
 * them, add warehouses, and list what is still owed to buyers. Other modules may use this package
 * (named interface {@code operations}); the connector itself stays internal and is reached through
 * the ERP SPI.
 */
@NullMarked
@NamedInterface("operations")
package com.tmallbridge.erp.embedded.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
