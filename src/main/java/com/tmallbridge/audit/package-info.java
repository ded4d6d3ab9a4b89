/**
 * The audit log: every security-relevant act (a login or failed login, a configuration or mapping
 * change with its state before and after, an exception action, a reveal or an export of personal
 * data) recorded with who, when, from where and on what, in a hash chain that {@code audit verify}
 * checks. Other modules record through {@link com.tmallbridge.audit.AuditLog}; the CLI and the
 * console read and verify through {@link com.tmallbridge.audit.AuditManagement}.
 */
@NullMarked
package com.tmallbridge.audit;

import org.jspecify.annotations.NullMarked;
