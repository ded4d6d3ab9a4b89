package com.tmallbridge.core;

import org.jspecify.annotations.Nullable;

/**
 * A buyer as the ERP should know them.
 *
 * @param externalKey stable key across orders, e.g. {@code tmall:<buyer_open_uid>}; the ERP's
 *     customer is found or created by it (idempotent)
 * @param displayName what the ERP shows as the customer's name (a nick, possibly masked)
 * @param province receiver province, for reports; may be null
 */
public record CustomerRecord(String externalKey, String displayName, @Nullable String province) {}
