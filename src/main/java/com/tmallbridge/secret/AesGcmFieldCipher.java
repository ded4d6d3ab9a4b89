package com.tmallbridge.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;

/** {@link FieldCipher} with AES-256-GCM over a {@link DataKeyRing}. Thread-safe. */
final class AesGcmFieldCipher implements FieldCipher {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final DataKeyRing ring;
  private final SecureRandom random = new SecureRandom();

  AesGcmFieldCipher(DataKeyRing ring) {
    this.ring = ring;
  }

  @Override
  public @Nullable String seal(@Nullable String plain, String context) {
    if (plain == null || FieldCipher.isSealed(plain)) {
      return plain;
    }
    DataKey key = ring.active();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
      return PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is required by every Java platform", e);
    }
  }

  @Override
  public @Nullable String open(@Nullable String sealed, String context) {
    if (sealed == null || !FieldCipher.isSealed(sealed)) {
      return sealed;
    }
    String rest = sealed.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon < 0) {
      throw new SealedValueException("a sealed value in " + context + " has no key id");
    }
    String keyId = rest.substring(0, colon);
    DataKey key = ring.find(keyId).orElseThrow(() -> new SealedValueException(
        "a value in " + context + " is sealed with data key '" + keyId + "', which is not in the key ring " + ring.ids()
            + " (restore the key file or BRIDGE_DATA_KEYS that holds it)"));
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(rest.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new SealedValueException("a sealed value in " + context + " is not Base64", e);
    }
    if (bytes.length < IV_BYTES + TAG_BITS / 8) {
      throw new SealedValueException("a sealed value in " + context + " is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SealedValueException("a sealed value in " + context + " does not open: it was altered or sealed for another column", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is required by every Java platform", e);
    }
  }

  @Override
  public boolean needsResealing(@Nullable String value) {
    return value != null && (!FieldCipher.isSealed(value) || !value.startsWith(PREFIX + ring.active().id() + ":"));
  }
}
