package com.tmallbridge.secret;

import org.jspecify.annotations.Nullable;

/**
 * Seals and opens single column values. A sealed value reads {@code enc:1:<keyId>:<base64>}, where
 * the Base64 holds a random 12-byte IV followed by the AES-256-GCM ciphertext and tag; the context
 * (the column, e.g. {@code shop.app_secret}) is bound as additional authenticated data, so a value
 * copied into another column does not open.
 */
public interface FieldCipher {

  /** The prefix every sealed value starts with. */
  String PREFIX = "enc:1:";

  /**
   * Seals {@code plain} with the active key. Null stays null; an already sealed value is returned
   * unchanged.
   *
   * @param context the column the value is stored in, e.g. {@code shop.app_secret}
   */
  @Nullable String seal(@Nullable String plain, String context);

  /**
   * Opens a sealed value with the key it names. A value without the {@link #PREFIX} is returned
   * unchanged (a row written before encryption was turned on); null stays null.
   *
   * @throws SealedValueException when the key is unknown, the value was altered, or it was sealed
   *     for another context
   */
  @Nullable String open(@Nullable String sealed, String context);

  /** Whether {@code value} is not null and not sealed with the active key (plain, or sealed with an older key). */
  boolean needsResealing(@Nullable String value);

  /**
   * A cipher over one fresh random key held in memory only, for tests and throw-away databases:
   * what it seals no other process can open.
   */
  static FieldCipher ephemeral() {
    return new AesGcmFieldCipher(DataKeyRing.fresh());
  }

  /** Whether {@code value} carries the sealed prefix. */
  static boolean isSealed(@Nullable String value) {
    return value != null && value.startsWith(PREFIX);
  }
}
