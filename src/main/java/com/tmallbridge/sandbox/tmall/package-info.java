/**
 * A Tmall TOP gateway simulator over one or more generated shops: protocol checks (app key,
 * signature, session, timestamp, required parameters), paging and sorting as TOP does, trade
 * lifecycle, stock that moves with trades and quantity updates, seeded realistic data, traffic
 * generation and fault injection. Shares no protocol code with
 * {@code channel.tmall}: the two are written independently so that a bug on one side cannot hide
 * the same bug on the other.
 */
@NullMarked
@NamedInterface("tmall")
package com.tmallbridge.sandbox.tmall;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
