package com.tmallbridge.channel.tmall;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the TOP request signature ({@code sign}) exactly as the platform checks it: every
 * parameter except {@code sign} whose name and value are non-empty, sorted by name in byte order,
 * joined as {@code name1value1name2value2…}, then hashed with the shop's app secret and written as
 * upper-case hex. Stateless and thread-safe.
 */
final class TopSigner {
  static final String MD5 = "md5";
  static final String HMAC = "hmac";
  static final String HMAC_SHA256 = "hmac-sha256";

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private TopSigner() {}

  /**
   * Signs the given parameters.
   *
   * @param params all system and business parameters of the request; {@code sign} itself and
   *     entries with an empty name or value are ignored
   * @param secret the application's secret
   * @param signMethod {@code md5}, {@code hmac} (HMAC-MD5) or {@code hmac-sha256}
   * @return 32 (md5, hmac) or 64 (hmac-sha256) upper-case hex characters
   * @throws IllegalArgumentException for an unknown sign method
   */
  static String sign(Map<String, String> params, String secret, String signMethod) {
    String text = stringToSign(params);
    return switch (signMethod.toLowerCase(Locale.ROOT)) {
      case MD5 -> HEX.formatHex(md5(secret + text + secret));
      case HMAC -> HEX.formatHex(hmac("HmacMD5", secret, text));
      case HMAC_SHA256 -> HEX.formatHex(hmac("HmacSHA256", secret, text));
      default -> throw new IllegalArgumentException("unknown TOP sign_method '" + signMethod + "'");
    };
  }

  /** Whether {@code signMethod} is one the platform accepts. */
  static boolean supports(String signMethod) {
    String m = signMethod.toLowerCase(Locale.ROOT);
    return m.equals(MD5) || m.equals(HMAC) || m.equals(HMAC_SHA256);
  }

  /** The concatenated {@code name+value} text that is hashed (without the secret). */
  static String stringToSign(Map<String, String> params) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(params)
        .forEach(
            (name, value) -> {
              if (!"sign".equals(name) && isPresent(name) && isPresent(value)) {
                text.append(name).append(value);
              }
            });
    return text.toString();
  }

  private static boolean isPresent(String s) {
    return s != null && !s.isEmpty();
  }

  private static byte[] md5(String text) {
    try {
      return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available in this JVM", e);
    }
  }

  private static byte[] hmac(String algorithm, String secret, String text) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JVM", e);
    }
  }
}
