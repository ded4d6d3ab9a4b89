package com.tmallbridge.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk custom robots' "加签" signature: {@code sign = urlEncode(Base64(HmacSHA256(key = secret,
 * data = timestamp + "\n" + secret)))}, with the timestamp in milliseconds since the epoch; DingTalk
 * refuses a timestamp more than an hour away from its own clock.
 */
final class DingTalkSigner {
  private final String secret;

  DingTalkSigner(String secret) {
    this.secret = secret;
  }

  /** The Base64 signature, not yet URL-encoded. */
  String sign(long timestampMillis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The query parameters to append to the webhook URL: {@code &timestamp=…&sign=…}. */
  String query(long timestampMillis) {
    return "&timestamp=" + timestampMillis + "&sign=" + URLEncoder.encode(sign(timestampMillis), StandardCharsets.UTF_8);
  }
}
