package com.tmallbridge.fulfilment;

import org.jspecify.annotations.Nullable;

/**
 * How one shop maps an ERP carrier to a Tmall company.
 *
 * @param shopCode the shop
 * @param erpCarrier the carrier code or name as ERP deliveries carry it
 * @param companyCode the Tmall company code sent with shipments
 * @param companyName Tmall's name of the company, null when the shop's company list does not hold it
 * @param source {@code SEEDED} (matched by code or name) or {@code OPERATOR} (set by hand)
 */
public record CarrierMapping(String shopCode, String erpCarrier, String companyCode, @Nullable String companyName, String source) {}
