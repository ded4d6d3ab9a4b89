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
 * @param costFen the product's cost price ({@code cost_price}, for the context's company) rounded half up
 *     to the fen; null when Tryton holds none or 0 (a product created without a cost)
 */
record TrytonProduct(long id, long template, String code, String name, long uom, long listPriceFen,
    @org.jspecify.annotations.Nullable Long costFen) {}
