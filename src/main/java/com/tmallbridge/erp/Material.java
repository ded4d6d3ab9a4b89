package com.tmallbridge.erp;

import com.tmallbridge.core.MaterialCode;

/**
 * A material (stock-keeping item) in the ERP.
 *
 * @param code unique material code
 * @param name display name
 * @param unit unit of measure, e.g. {@code pcs}
 * @param salePriceFen list sale price in fen
 */
public record Material(MaterialCode code, String name, String unit, long salePriceFen) {}
