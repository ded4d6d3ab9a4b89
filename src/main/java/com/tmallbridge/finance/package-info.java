/**
 * Money (财务对账): settlement lines imported incrementally from Tmall's bills, vouchers (凭证)
 * posted to the ERP under a per-shop posting scheme, three-way reconciliation (Tmall trade ↔ ERP
 * document ↔ settlement) per order and per day with each difference categorised, the daily
 * completeness check, and sales reports. Tables {@code finance_*}.
 */
@NullMarked
package com.tmallbridge.finance;

import org.jspecify.annotations.NullMarked;
