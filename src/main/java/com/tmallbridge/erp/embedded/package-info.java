/**
 * The built-in ERP on its own erp_* tables (materials, warehouses, stock ledger, customers, sales orders); the default connector and the reference implementation of the ERP SPI.
 */
@NullMarked
package com.tmallbridge.erp.embedded;

import org.jspecify.annotations.NullMarked;
