package com.tmallbridge.sandbox.tmall;

import java.time.Duration;

/** An event and how long after the trade's creation it happens. */
record PlannedEvent(Duration offset, TradeEvent event) {}
