/**
 * Real and simulated ERP servers for tests and the demo. {@link com.tmallbridge.sandbox.erp.TrytonServer}
 * runs a real Tryton 6.0 from Debian's packages on a cached, pre-initialised SQLite database.
 * Shares no protocol code with the ERP connectors: {@link com.tmallbridge.sandbox.erp.TrytonRpc}
 * is written independently of the Tryton connector's client, so a bug on one side cannot hide the
 * same bug on the other.
 */
@NullMarked
@NamedInterface("erp")
package com.tmallbridge.sandbox.erp;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
