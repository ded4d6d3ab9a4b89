package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopSignerTests {

  private static Map<String, String> specExample(String signMethod) {
    Map<String, String> params = new HashMap<>();
    params.put("method", "taobao.trade.fullinfo.get");
    params.put("app_key", "12345678");
    params.put("session", "test-session");
    params.put("timestamp", "2016-01-01 12:00:00");
    params.put("format", "json");
    params.put("v", "2.0");
    params.put("fields", "tid,type,status,payment,orders");
    params.put("tid", "123456789");
    params.put("partner_id", "");
    params.put("sign_method", signMethod);
    return params;
  }

  @Test
  void matchesThePublishedMd5Vector() {
    Map<String, String> params =
        Map.of(
            "method", "taobao.user.seller.get",
            "timestamp", "2013-05-06 13:52:03",
            "format", "xml",
            "app_key", "test",
            "v", "2.0",
            "fields", "nick",
            "sign_method", "md5",
            "session", "test");

    assertThat(TopSigner.stringToSign(params))
        .isEqualTo(
            "app_keytestfieldsnickformatxmlmethodtaobao.user.seller.getsessiontestsign_methodmd5timestamp2013-05-06 13:52:03v2.0");
    assertThat(TopSigner.sign(params, "test", "md5")).isEqualTo("72CB4D809B375A54502C09360D879C64");
  }

  @Test
  void signsTheSpecExampleWithMd5() {
    assertThat(TopSigner.sign(specExample("md5"), "testsecret", "md5")).isEqualTo("A547CCA5FA369E6D5C5D3495DD1085D7");
  }

  @Test
  void signsTheSpecExampleWithHmacMd5() {
    assertThat(TopSigner.sign(specExample("hmac"), "testsecret", "hmac")).isEqualTo("572B7E4B80F0F961F90B68ACB4D45B7C");
  }

  @Test
  void signsTheSpecExampleWithHmacSha256() {
    assertThat(TopSigner.sign(specExample("hmac-sha256"), "testsecret", "hmac-sha256"))
        .isEqualTo("8CA17CACA8D18E93088A1081EADAB540CA977492A5186CB3587A8E14007A1B44");
  }

  @Test
  void skipsEmptyValuesAndTheSignParameter() {
    Map<String, String> params = specExample("md5");
    params.put("sign", "WHATEVER");
    params.put("empty", "");

    assertThat(TopSigner.sign(params, "testsecret", "md5")).isEqualTo("A547CCA5FA369E6D5C5D3495DD1085D7");
  }

  @Test
  void sortsNamesInByteOrder() {
    Map<String, String> params = Map.of("foo", "1", "bar", "2", "foo_bar", "3", "foobar", "4", "Zed", "5");

    assertThat(TopSigner.stringToSign(params)).isEqualTo("Zed5bar2foo1foo_bar3foobar4");
  }

  @Test
  void hashesUtf8Text() {
    Map<String, String> ascii = Map.of("q", "a");
    Map<String, String> chinese = Map.of("q", "天猫");

    assertThat(TopSigner.sign(chinese, "s", "md5")).hasSize(32).isNotEqualTo(TopSigner.sign(ascii, "s", "md5"));
    assertThat(TopSigner.sign(chinese, "s", "hmac-sha256")).hasSize(64).matches("[0-9A-F]{64}");
  }

  @Test
  void acceptsSignMethodInAnyCase() {
    assertThat(TopSigner.sign(specExample("hmac"), "testsecret", "HMAC")).isEqualTo("572B7E4B80F0F961F90B68ACB4D45B7C");
  }

  @Test
  void rejectsUnknownSignMethods() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TopSigner.sign(Map.of("a", "b"), "s", "sha1"))
        .withMessageContaining("sha1");
    assertThat(TopSigner.supports("hmac-sha256")).isTrue();
    assertThat(TopSigner.supports("sha1")).isFalse();
  }
}
