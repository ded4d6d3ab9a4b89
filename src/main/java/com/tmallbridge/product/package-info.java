/**
 * Products: what the shops sell on Tmall (items and SKUs read from the channel), how each SKU maps
 * onto ERP materials (merchant codes, mappings by hand, combo SKUs 组合装 that stand for several
 * materials), and the mismatch report. The order and stock flows read listings and combos
 * through {@link com.tmallbridge.product.Listings} and {@link com.tmallbridge.product.Combos}.
 */
@NullMarked
package com.tmallbridge.product;

import org.jspecify.annotations.NullMarked;
