package com.tmallbridge.sandbox.tmall;

import org.jspecify.annotations.Nullable;

/**
 * Where a trade ships to, masked the way TOP masks it for sellers: {@code 屈**}, {@code
 * 138****1234}, digits of the street address replaced by {@code *}. Province, city and district are
 * clear text.
 */
record MaskedReceiver(
    String name,
    String mobile,
    @Nullable String phone,
    String state,
    String city,
    String district,
    String town,
    String address,
    String zip) {}
