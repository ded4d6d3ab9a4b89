/**
 * The web console and its security: console users with a role (admin, operator, auditor) and the
 * shops they may see, the login with lockout after repeated failures, the access rules
 * ({@link com.tmallbridge.console.AccessRules}), and the server-rendered screens. Only {@code serve}
 * starts the web server; the other commands use {@link com.tmallbridge.console.UserManagement}
 * for {@code user add|list|passwd|disable}.
 */
@NullMarked
package com.tmallbridge.console;

import org.jspecify.annotations.NullMarked;
