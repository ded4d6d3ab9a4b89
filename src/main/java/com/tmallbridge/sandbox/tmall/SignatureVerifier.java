package com.tmallbridge.sandbox.tmall;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOP request signatures (API doc "签名算法"): every parameter except {@code sign} with a non-empty
 * name and value, sorted by name in byte order, concatenated as {@code name1value1name2value2…},
 * then {@code md5} = MD5(secret + text + secret), {@code hmac} = HMAC-MD5 keyed with the secret,
 * {@code hmac-sha256} = HMAC-SHA256 keyed with the secret; the digest in upper-case hex. Stateless
 * and thread-safe.
 */
final class SignatureVerifier {
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  private SignatureVerifier() {}

  /** Whether the method name is one of the three TOP sign methods. */
  static boolean supports(String signMethod) {
    return switch (signMethod) {
      case "md5", "hmac", "hmac-sha256" -> true;
      default -> false;
    };
  }

  /**
   * The signature TOP expects for these parameters.
   *
   * @throws IllegalArgumentException for an unsupported sign method
   */
  static String sign(Map<String, String> params, String secret, String signMethod) {
    String text = canonicalText(params);
    try {
      byte[] digest =
          switch (signMethod) {
            case "md5" -> MessageDigest.getInstance("MD5").digest(utf8(secret + text + secret));
            case "hmac" -> hmac("HmacMD5", secret, text);
            case "hmac-sha256" -> hmac("HmacSHA256", secret, text);
            default -> throw new IllegalArgumentException("unsupported sign_method " + signMethod);
          };
      return UPPER_HEX.formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks a digest TOP needs", e);
    }
  }

  /** Whether {@code sign} matches exactly (upper-case hex), compared in constant time. */
  static boolean verify(Map<String, String> params, String secret, String signMethod, String sign) {
    String expected = sign(params, secret, signMethod);
    return MessageDigest.isEqual(utf8(expected), utf8(sign));
  }

  /** The string that is hashed: sorted non-empty parameters except {@code sign}. */
  static String canonicalText(Map<String, String> params) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(params)
        .forEach(
            (name, value) -> {
              if (!"sign".equals(name) && !name.isEmpty() && value != null && !value.isEmpty()) {
                text.append(name).append(value);
              }
            });
    return text.toString();
  }

  private static byte[] hmac(String algorithm, String secret, String text)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(utf8(secret), algorithm));
    return mac.doFinal(utf8(text));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
