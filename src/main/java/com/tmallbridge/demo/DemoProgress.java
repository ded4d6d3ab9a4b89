package com.tmallbridge.demo;

/**
 * A progress snapshot while the demo runs.
 *
 * @param phase what the demo is doing
 * @param generated trades the sandbox holds
 * @param target trades it will hold at the end
 * @param seen trades the bridge has seen
 * @param exported trades the ERP holds a sales order for (per the bridge)
 * @param held trades held as exceptions
 * @param undelivered whether outbox messages still wait
 */
public record DemoProgress(String phase, long generated, long target, long seen, long exported, long held, boolean undelivered) {}
