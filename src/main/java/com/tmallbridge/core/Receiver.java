package com.tmallbridge.core;

import org.jspecify.annotations.Nullable;

/** Where a sales order ships to. Name, phone and address arrive masked from Tmall. */
public record Receiver(
    @Nullable String name,
    @Nullable String mobile,
    @Nullable String phone,
    @Nullable String province,
    @Nullable String city,
    @Nullable String district,
    @Nullable String address,
    @Nullable String zip) {}
