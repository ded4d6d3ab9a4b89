/**
 * The go-live check: a scripted scenario through a sandbox shop that proves the configured ERP
 * connection step by step before a real shop is switched on.
 */
@NullMarked
package com.tmallbridge.golive;

import org.jspecify.annotations.NullMarked;
