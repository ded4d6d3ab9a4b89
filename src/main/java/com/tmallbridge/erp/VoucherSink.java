package com.tmallbridge.erp;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Voucher;
import java.util.Optional;

/**
 * Posts accounting vouchers (凭证) to the ERP's general ledger. Thread-safe.
 *
 * <p>Contract: a posted voucher balances in the ERP exactly as given (every entry on its account,
 * side and amount in fen); the ERP stores {@link Voucher#key()} with it and a voucher key is
 * posted at most once: {@link #postVoucher} first looks the key up and returns the existing
 * voucher's number when there is one, also after a crash between the ERP's commit and the
 * caller's, and also when two callers race. Accounts are looked up by code; the connector does not
 * create accounts.
 */
public interface VoucherSink {

  /**
   * Posts {@code voucher}, or returns the number of the voucher already posted under its key.
   *
   * @return the ERP's voucher number
   * @throws ConnectorException permanent when the ERP refuses the content (an unknown account, a
   *     date in no open period, an unbalanced voucher), retryable when it may work later
   */
  ErpDocNo postVoucher(Voucher voucher);

  /**
   * The number of the voucher posted under {@code key}, if any.
   *
   * @throws ConnectorException retryable when the ERP cannot be read now
   */
  Optional<ErpDocNo> findVoucher(String key);
}
