/**
 * The Tryton 6.0 connector: sales orders, customers, products and stock of a Tryton server over its
 * JSON-RPC API ({@code docs/connectors/tryton.md}). Internal to the {@code erp} module; found as a
 * Spring bean when {@code bridge.erp.tryton.url} is set.
 */
@NullMarked
package com.tmallbridge.erp.tryton;

import org.jspecify.annotations.NullMarked;
