package com.tmallbridge.order;

/**
 * Order counts of a period (the console's "today").
 *
 * @param received trades first seen in the period
 * @param exported trades that reached the ERP in the period
 * @param held exceptions raised in the period (trades held for an operator)
 */
public record OrderFigures(long received, long exported, long held) {}
