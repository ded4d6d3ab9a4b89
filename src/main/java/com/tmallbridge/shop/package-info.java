/**
 * Shops: the configured Tmall stores with their gateway and credentials, authorisation state and first-pull start.
 */
@NullMarked
package com.tmallbridge.shop;

import org.jspecify.annotations.NullMarked;
