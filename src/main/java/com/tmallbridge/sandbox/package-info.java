/**
 * Test environment: simulators of the external systems the bridge talks to. Nothing here is used
 * by the bridge itself; only the demo, tests and benchmarks start it.
 */
@NullMarked
package com.tmallbridge.sandbox;

import org.jspecify.annotations.NullMarked;
