/**
 * Order flow: pulls changed trades per shop into the inbox, normalises them into canonical sales orders (SKU mapping, exact money), raises exceptions for bad records, and enqueues the ERP writes through the outbox.
 */
@NullMarked
package com.tmallbridge.order;

import org.jspecify.annotations.NullMarked;
