package com.tmallbridge.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DingTalk's "加签" pinned to a vector computed outside this code base (Python's hmac, hashlib,
 * base64 and urllib.parse.quote on secret {@code SEC0123456789abcdef} and timestamp
 * {@code 1733385600000}).
 */
class DingTalkSignerTests {
  private final DingTalkSigner signer = new DingTalkSigner("SEC0123456789abcdef");

  @Test
  void signsTimestampNewlineSecretWithHmacSha256InBase64() {
    assertThat(signer.sign(1_733_385_600_000L)).isEqualTo("9gizFSB8Ofi6mIndv/NGjR4ab63Lcyf8XegzjR/15L0=");
  }

  @Test
  void appendsTheTimestampAndTheUrlEncodedSignature() {
    assertThat(signer.query(1_733_385_600_000L))
        .isEqualTo("&timestamp=1733385600000&sign=9gizFSB8Ofi6mIndv%2FNGjR4ab63Lcyf8XegzjR%2F15L0%3D");
  }

  @Test
  void anotherTimestampGivesAnotherSignature() {
    assertThat(signer.sign(1_733_385_600_001L)).isNotEqualTo(signer.sign(1_733_385_600_000L));
  }
}
