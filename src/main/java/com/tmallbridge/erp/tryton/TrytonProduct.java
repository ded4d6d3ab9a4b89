package com.tmallbridge.erp.tryton;

/**
 * A {@code product.product} as the connector reads it (wire record).
 *
 * @param id product id
 * @param template its {@code product.template} id
 * @param code the product code (the template has no code; the product's {@code suffix_code} is the material code)
 * @param name the template's name
 * @param uom the default unit of measure id
 * @param listPriceFen the template's list price
 */
record TrytonProduct(long id, long template, String code, String name, long uom, long listPriceFen) {}
