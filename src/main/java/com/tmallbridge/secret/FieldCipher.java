package com.tmallbridge.secret;

import java.util.List;
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

  /** The prefix of every digest. */
  String DIGEST_PREFIX = "h1:";

  /**
   * A keyed digest of {@code plain} for equality tests in the database, where the sealed value (with
   * its random IV) cannot be compared: {@code h1:<keyId>:<base64 of HMAC-SHA256>} under a MAC key
   * derived from the active data key, with the context bound in. Equal plain texts in one context
   * give equal digests under one key; without the keys, a digest tells nothing about the value
   * (no dictionary attack on phone numbers, unlike a plain hash). At most 64 characters for key ids
   * of up to 16 characters.
   */
  String digest(String plain, String context);

  /**
   * {@link #digest} under every key of the ring, the active key's first, always {@link #keyCount()}
   * of them: a stored digest written under any key the ring still holds equals one of them when the
   * texts are equal, so a comparison stays right across a key rotation.
   */
  List<String> digests(String plain, String context);

  /** How many keys the ring holds (fixed for the life of the cipher). */
  int keyCount();

  /** Whether {@code value} is not null and not sealed with the active key (plain, or sealed with an older key). */
  boolean needsResealing(@Nullable String value);

  /**
   * A cipher over one fresh random key held in memory only, for tests and throw-away databases:
   * what it seals no other process can open.
   */
  static FieldCipher ephemeral() {
    return new AesGcmFieldCipher(DataKeyRing.fresh());
  }

  /**
   * A cipher over the keys in {@code keys}, written as in {@code BRIDGE_DATA_KEYS} ({@code id:base64}
   * separated by commas or newlines, the last one active).
   *
   * @throws IllegalArgumentException when the text is not a valid key list
   */
  static FieldCipher of(String keys) {
    return new AesGcmFieldCipher(DataKeyRing.parse(keys));
  }

  /** Whether {@code value} carries the sealed prefix. */
  static boolean isSealed(@Nullable String value) {
    return value != null && value.startsWith(PREFIX);
  }
}
