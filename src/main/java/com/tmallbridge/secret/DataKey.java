package com.tmallbridge.secret;

import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 data key with its id. In the key file and in {@code BRIDGE_DATA_KEYS} a key is written
 * {@code <id>:<base64 of 32 bytes>}; ids are short names of letters, digits, {@code -} and {@code _}.
 */
record DataKey(String id, SecretKey key) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  DataKey {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a data key id is 1 to 32 letters, digits, '-' or '_'; this one is '" + id + "'");
    }
  }

  /** A key from its {@code id:base64} text. */
  static DataKey parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("a data key is written 'id:base64'; this one has no ':'");
    }
    String id = text.substring(0, colon).strip();
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.substring(colon + 1).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("data key '" + id + "' is not Base64");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException("data key '" + id + "' is " + bytes.length + " bytes; an AES-256 key is 32 bytes in Base64 (44 characters)");
    }
    return new DataKey(id, new SecretKeySpec(bytes, "AES"));
  }

  /** The key as {@code id:base64}, for the key file. */
  String encoded() {
    return id + ":" + Base64.getEncoder().encodeToString(key.getEncoded());
  }

  @Override
  public String toString() {
    return "DataKey[" + id + "]";
  }
}
