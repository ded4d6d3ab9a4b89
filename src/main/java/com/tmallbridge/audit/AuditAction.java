package com.tmallbridge.audit;

/** What kind of act an audit entry records. */
public enum AuditAction {
  /** A user logged in. */
  LOGIN,
  /** A login was refused (wrong password, locked or unknown user). */
  LOGIN_FAILED,
  /** A shop was added or its settings or credentials changed. */
  SHOP_CHANGE,
  /** ERP connection settings changed. */
  ERP_CHANGE,
  /** A SKU, combo, gift, carrier or warehouse mapping was added, changed or removed. */
  MAPPING_CHANGE,
  /** A rule (stock publishing, review, safety stock) changed. */
  RULE_CHANGE,
  /** A user or role was added, changed or removed. */
  USER_CHANGE,
  /** An operator retried, edited or ignored an exception. */
  EXCEPTION_ACTION,
  /** A masked personal-data field or a secret was shown in clear. */
  REVEAL,
  /** Data left the system as a file (Excel, CSV, backup). */
  EXPORT,
  /** A data key was added, or the sealed columns were re-encrypted with the active key. */
  KEY_CHANGE,
  /** A long job (a full stock push, a backfill) was started from the console, or ended. */
  JOB
}
