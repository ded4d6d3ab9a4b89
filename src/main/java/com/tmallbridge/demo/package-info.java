/**
 * The demo run: sandbox, seeded shop and ERP, sync until quiet, and an independent verification of the sandbox against the ERP.
 */
@NullMarked
package com.tmallbridge.demo;

import org.jspecify.annotations.NullMarked;
