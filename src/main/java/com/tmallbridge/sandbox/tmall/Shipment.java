package com.tmallbridge.sandbox.tmall;

/** The parcel a shipped trade went out in: carrier name and code, tracking number. */
record Shipment(String companyName, String companyCode, String invoiceNo) {}
