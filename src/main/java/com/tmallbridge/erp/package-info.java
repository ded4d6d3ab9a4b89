/**
 * ERP connector SPI: {@link com.tmallbridge.erp.ErpConnector} plus small capability interfaces a
 * connector implements when its ERP supports them, and the {@link com.tmallbridge.erp.ErpRegistry}
 * that picks the active connector. Connectors never retry or sleep: they throw
 * {@link com.tmallbridge.erp.ConnectorException} marked retryable or permanent and the sync engine
 * decides.
 */
@NullMarked
package com.tmallbridge.erp;

import org.jspecify.annotations.NullMarked;
