package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureVerifierTests {

  private static Map<String, String> fullinfoExample(String signMethod) {
    Map<String, String> params = new LinkedHashMap<>();
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
  void acceptsThePublishedMd5Vector() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("method", "taobao.user.seller.get");
    params.put("timestamp", "2013-05-06 13:52:03");
    params.put("format", "xml");
    params.put("app_key", "test");
    params.put("v", "2.0");
    params.put("fields", "nick");
    params.put("sign_method", "md5");
    params.put("session", "test");

    assertThat(SignatureVerifier.canonicalText(params))
        .isEqualTo(
            "app_keytestfieldsnickformatxmlmethodtaobao.user.seller.getsessiontest"
                + "sign_methodmd5timestamp2013-05-06 13:52:03v2.0");
    assertThat(SignatureVerifier.verify(params, "test", "md5", "72CB4D809B375A54502C09360D879C64"))
        .isTrue();
  }

  @Test
  void computesTheWorkedExamplesOfAllThreeSignMethods() {
    assertThat(SignatureVerifier.sign(fullinfoExample("md5"), "testsecret", "md5"))
        .isEqualTo("A547CCA5FA369E6D5C5D3495DD1085D7");
    assertThat(SignatureVerifier.sign(fullinfoExample("hmac"), "testsecret", "hmac"))
        .isEqualTo("572B7E4B80F0F961F90B68ACB4D45B7C");
    assertThat(SignatureVerifier.sign(fullinfoExample("hmac-sha256"), "testsecret", "hmac-sha256"))
        .isEqualTo("8CA17CACA8D18E93088A1081EADAB540CA977492A5186CB3587A8E14007A1B44");
  }

  @Test
  void agreesWithTheTestsOwnSigner() {
    for (String method : new String[] {"md5", "hmac", "hmac-sha256"}) {
      Map<String, String> params = fullinfoExample(method);
      params.put("q", "连衣裙 白色");
      assertThat(SignatureVerifier.sign(params, "秘密secret", method))
          .isEqualTo(TopTestClient.sign(params, "秘密secret", method));
    }
  }

  @Test
  void sortsByByteOrderAndSkipsSignAndEmptyValues() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("foobar", "4");
    params.put("foo_bar", "3");
    params.put("foo", "1");
    params.put("bar", "2");
    params.put("sign", "ABC");
    params.put("empty", "");

    assertThat(SignatureVerifier.canonicalText(params)).isEqualTo("bar2foo1foo_bar3foobar4");
  }

  @Test
  void rejectsTamperedParametersAndLowerCaseHex() {
    Map<String, String> params = fullinfoExample("md5");
    params.put("tid", "123456780");
    assertThat(
            SignatureVerifier.verify(
                params, "testsecret", "md5", "A547CCA5FA369E6D5C5D3495DD1085D7"))
        .isFalse();
    assertThat(
            SignatureVerifier.verify(
                fullinfoExample("md5"), "testsecret", "md5", "a547cca5fa369e6d5c5d3495dd1085d7"))
        .isFalse();
  }

  @Test
  void refusesUnknownSignMethods() {
    assertThat(SignatureVerifier.supports("sha1")).isFalse();
    assertThatThrownBy(() -> SignatureVerifier.sign(Map.of(), "s", "sha1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
