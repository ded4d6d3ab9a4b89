package com.tmallbridge.alert;

/** What an alert is about; the first part of its key (the subject is the second). */
public enum AlertKind {
  /** Tmall refused a shop's session (TOP codes 26/27/44): the seller must authorise the app again. */
  SHOP_REAUTHORISATION,
  /** A shop has more open exceptions than {@code bridge.alerts.open-exceptions-threshold}. */
  OPEN_EXCEPTIONS,
  /** A stream of a shop has not read past now minus {@code bridge.alerts.sync-lag-threshold}. */
  SYNC_LAG,
  /** Paid trades of a shop asked for more than was sellable within {@code bridge.alerts.oversell-window}. */
  OVERSELL,
  /** The latest {@code bridge backup} failed. */
  BACKUP_FAILED,
  /**
   * The latest reconciliation of a shop's day (Tmall trade vs ERP document vs settlement) found
   * differences; raised by the finance module's condition.
   */
  RECONCILIATION_DIFFERENCE
}
