package com.tmallbridge.finance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reconciliation and the completeness check ({@code bridge.finance.reconciliation.*}).
 *
 * @param unsettledDays days after a finished trade last changed on Tmall by which a paid income
 *     line is expected; later it is {@link DifferenceCategory#UNSETTLED_PAST_DAYS} (default 15)
 * @param erpBatch channel order numbers per ERP look-up ({@code SalesOrderQuery.findByChannelOrders}), default 1000
 * @param erpReaders look-ups a reconciliation run keeps in flight at once (default 2: the built-in
 *     ERP answers each on its own database connection, a remote ERP on its own request)
 * @param payLookbackDays how many days before the checked day the completeness check lists trades
 *     created, to count those paid in the day (default 3: Tmall closes unpaid trades sooner)
 */
@ConfigurationProperties("bridge.finance.reconciliation")
public record ReconciliationProperties(
    @DefaultValue("15") int unsettledDays,
    @DefaultValue("1000") int erpBatch,
    @DefaultValue("3") int payLookbackDays,
    @DefaultValue("2") int erpReaders) {

  public ReconciliationProperties {
    if (unsettledDays < 1 || unsettledDays > 365) {
      throw new IllegalArgumentException(
          "bridge.finance.reconciliation.unsettled-days must be between 1 and 365, got " + unsettledDays);
    }
    if (erpBatch < 1 || erpBatch > 10_000) {
      throw new IllegalArgumentException("bridge.finance.reconciliation.erp-batch must be between 1 and 10000, got " + erpBatch);
    }
    if (erpReaders < 1 || erpReaders > 8) {
      throw new IllegalArgumentException("bridge.finance.reconciliation.erp-readers must be between 1 and 8, got " + erpReaders);
    }
    if (payLookbackDays < 0 || payLookbackDays > 30) {
      throw new IllegalArgumentException(
          "bridge.finance.reconciliation.pay-lookback-days must be between 0 and 30, got " + payLookbackDays);
    }
  }
}
