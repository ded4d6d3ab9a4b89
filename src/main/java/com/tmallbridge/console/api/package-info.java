/**
 * The REST API under {@code /api}: JSON over the modules' façades for what the console does
 * (dashboard, orders, exceptions with retry, stock, shipments, refunds with retry, audit log).
 * Authentication, CSRF and who reaches what are the console's ({@code ApiSecurity},
 * {@link com.tmallbridge.console.AccessRules}); each list keeps to the caller's shops, and a row of
 * another shop answers 404 as if it did not exist. Errors are RFC 9457 problem details
 * ({@link com.tmallbridge.console.api.ApiProblems}). Money is yuan text with two decimals.
 * Documented as OpenAPI at {@code /api/openapi.json} ({@link com.tmallbridge.console.api.ApiDocumentation}).
 */
@NullMarked
package com.tmallbridge.console.api;

import org.jspecify.annotations.NullMarked;
