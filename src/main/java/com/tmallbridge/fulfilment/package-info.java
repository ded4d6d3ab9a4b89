/**
 * Fulfilment (物流回传): reads the ERP's deliveries, maps each parcel to the Tmall trade and
 * sub-orders it ships, maps the ERP's carrier to a Tmall company code (seeded from the channel's
 * carrier list, editable), checks the tracking number against the company's pattern and marks
 * the trade shipped on Tmall through the outbox — whole, or split by sub-order. Refusals an
 * operator must fix become failed shipments with a reason code ({@link
 * com.tmallbridge.fulfilment.FulfilmentReason}) and are retried from the CLI. The façade is
 * {@link com.tmallbridge.fulfilment.FulfilmentManagement}; {@link
 * com.tmallbridge.fulfilment.FulfilmentSync} drives it.
 */
@NullMarked
package com.tmallbridge.fulfilment;

import org.jspecify.annotations.NullMarked;
