package com.tmallbridge.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shop's app secret and session key are sealed in the table and opened when read; rows from before still read. */
@SpringBootTest
class ShopSecretsAtRestTests extends SpringDatabaseTestBase {
  @Autowired ShopManagement shops;
  @Autowired JdbcClient jdbc;

  @Test
  void secretsAreSealedInTheTableAndOpenedWhenRead() {
    shops.add(new ShopRegistration("SEAL1", "密店", "http://127.0.0.1:9/router/rest", "key-1", "app-secret-plain-1", "session-plain-1",
        "md5", null));

    Map<String, Object> row = jdbc.sql("select app_secret, session_key from shop where code = 'SEAL1'").query().singleRow();
    assertThat((String) row.get("app_secret")).startsWith("enc:1:").doesNotContain("app-secret-plain-1");
    assertThat((String) row.get("session_key")).startsWith("enc:1:").doesNotContain("session-plain-1");
    Shop shop = shops.findByCode("SEAL1").orElseThrow();
    assertThat(shop.credentials().appSecret()).isEqualTo("app-secret-plain-1");
    assertThat(shop.credentials().sessionKey()).isEqualTo("session-plain-1");
    assertThat(shop.toString()).doesNotContain("app-secret-plain-1", "session-plain-1");
  }

  @Test
  void aRowWrittenBeforeEncryptionStillReads() {
    shops.add(new ShopRegistration("SEAL2", "旧店", "http://127.0.0.1:9/router/rest", "key-2", "x", "y", "md5", null));
    jdbc.sql("update shop set app_secret = 'legacy-secret', session_key = 'legacy-session' where code = 'SEAL2'").update();

    Shop shop = shops.findByCode("SEAL2").orElseThrow();

    assertThat(shop.credentials().appSecret()).isEqualTo("legacy-secret");
    assertThat(shop.credentials().sessionKey()).isEqualTo("legacy-session");
  }

  @Test
  void aRegistrationDoesNotPrintItsSecrets() {
    assertThat(new ShopRegistration("S", "n", "http://gw", "k", "the-secret", "the-session", "md5", null).toString())
        .doesNotContain("the-secret", "the-session")
        .contains("appSecret=****");
  }
}
