/**
 * Encryption at rest of personal data and secrets in database columns: the {@link
 * com.tmallbridge.secret.DataKeyRing} of AES-256 keys (from the key file or {@code BRIDGE_DATA_KEYS})
 * and the {@link com.tmallbridge.secret.FieldCipher} that seals and opens column values. Knows no
 * business; other modules seal what they write and open what they read.
 */
@NullMarked
package com.tmallbridge.secret;

import org.jspecify.annotations.NullMarked;
