package com.tmallbridge.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * {@link FieldCipher} with AES-256-GCM over a {@link DataKeyRing}, and HMAC-SHA256 digests under a
 * MAC key derived once per data key ({@code HMAC-SHA256(dataKey, "tmallbridge digest v1")}, so the
 * digest key is never the encryption key). Thread-safe. The hot path does no key derivation and no
 * provider look-up: each thread keeps one {@link Cipher} and one {@link Mac} instance, and only
 * re-initialises them with the cached key objects.
 */
final class AesGcmFieldCipher implements FieldCipher {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] DIGEST_LABEL = "tmallbridge digest v1".getBytes(StandardCharsets.UTF_8);

  private final DataKeyRing ring;
  private final SecureRandom random = new SecureRandom();
  /** MAC keys by data key id, active key first. */
  private final Map<String, SecretKey> macKeys;
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> instance(() -> Mac.getInstance("HmacSHA256")));

  AesGcmFieldCipher(DataKeyRing ring) {
    this.ring = ring;
    Map<String, SecretKey> derived = new LinkedHashMap<>();
    derived.put(ring.active().id(), derive(ring.active()));
    for (String id : ring.ids()) {
      derived.computeIfAbsent(id, k -> derive(ring.find(k).orElseThrow()));
    }
    this.macKeys = derived;
  }

  private interface Factory<T> {
    T get() throws GeneralSecurityException;
  }

  private static <T> T instance(Factory<T> factory) {
    try {
      return factory.get();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM and HmacSHA256 are required by every Java platform", e);
    }
  }

  private static SecretKey derive(DataKey key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key.key());
      return new SecretKeySpec(mac.doFinal(DIGEST_LABEL), "HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  @Override
  public String digest(String plain, String context) {
    return digest(ring.active().id(), macKeys.get(ring.active().id()), plain, context);
  }

  @Override
  public List<String> digests(String plain, String context) {
    List<String> all = new ArrayList<>(macKeys.size());
    macKeys.forEach((id, key) -> all.add(digest(id, key, plain, context)));
    return all;
  }

  @Override
  public int keyCount() {
    return macKeys.size();
  }

  private String digest(String keyId, SecretKey key, String plain, String context) {
    Mac mac = macs.get();
    try {
      mac.init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("an HMAC key was refused", e);
    }
    mac.update(context.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] tag = mac.doFinal(plain.getBytes(StandardCharsets.UTF_8));
    return DIGEST_PREFIX + keyId + ":" + Base64.getEncoder().withoutPadding().encodeToString(tag);
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
      Cipher cipher = ciphers.get();
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
      Cipher cipher = ciphers.get();
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
