package com.tmallbridge.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts backups, written as 44 characters of Base64 (32 random bytes). Its
 * fingerprint (the first 8 bytes of its SHA-256, in hex) goes into each backup's header, so a
 * restore with another key says so instead of failing on the first segment.
 */
public final class BackupKey {
  private final byte[] bytes;

  private BackupKey(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /** A new random key. */
  public static BackupKey generate() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return new BackupKey(b);
  }

  /**
   * Reads a key from its Base64 text.
   *
   * @throws IllegalArgumentException when the text is not Base64 of 32 bytes
   */
  public static BackupKey parse(String base64) {
    byte[] b;
    try {
      b = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a backup key is 32 bytes in Base64 (44 characters); this one is not Base64");
    }
    if (b.length != 32) {
      throw new IllegalArgumentException("a backup key is 32 bytes in Base64 (44 characters); this one is " + b.length + " bytes");
    }
    return new BackupKey(b);
  }

  /** The key as Base64, for its file. */
  public String encoded() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The first 8 bytes of the key's SHA-256, in hex: names the key without revealing it. */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("tmallbridge-backup-key:" + encoded()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  SecretKey secretKey() {
    return new SecretKeySpec(bytes, "AES");
  }
}
