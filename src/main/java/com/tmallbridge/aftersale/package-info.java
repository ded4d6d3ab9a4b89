/**
 * After-sale flow: pulls refunds per shop and fetches those TMC pushes, keeps their latest
 * snapshot and status history, and follows each through tested rules — before shipping the ERP
 * delivery is held and the refunded lines cancelled; after shipping returned goods get an ERP
 * return document and are restocked on receipt, refunds without return adjust money only,
 * exchanges and reships get a replacement sales order. The façade is {@link com.tmallbridge.aftersale.AfterSaleManagement}.
 */
@NullMarked
package com.tmallbridge.aftersale;

import org.jspecify.annotations.NullMarked;
