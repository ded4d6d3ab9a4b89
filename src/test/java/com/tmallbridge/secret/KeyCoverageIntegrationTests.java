package com.tmallbridge.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.secret.KeyCoverage.Gap;
import com.tmallbridge.secret.KeyCoverage.Problem;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** {@code keys check} and the check after a restore, on H2 and PostgreSQL: which keys fail to open which columns. */
@SpringBootTest
@CleanDatabase
class KeyCoverageIntegrationTests extends SpringDatabaseTestBase {
  @Autowired KeyCoverage coverage;
  @Autowired ShopManagement shops;
  @Autowired List<SealedColumns> tables;
  @Autowired JdbcClient jdbc;
  @Autowired DataKeys keys;
  @TempDir Path dir;

  @BeforeEach
  void twoShops() {
    shops.add(new ShopRegistration("COV1", "店一", "http://127.0.0.1:9/router/rest", "k", "secret-1", "session-1", "md5", null));
    shops.add(new ShopRegistration("COV2", "店二", "http://127.0.0.1:9/router/rest", "k", "secret-2", "session-2", "md5", null));
  }

  @Test
  void theKeysThatSealedTheValuesOpenThemAll() {
    assertThat(coverage.gaps()).isEmpty();
  }

  @Test
  void aKeyOfTheSameIdButOtherBytesIsReportedWithItsValues() {
    String id = keys.activeKeyId();
    KeyCoverage other = coverageWith(new MockEnvironment().withProperty("BRIDGE_DATA_KEYS", id + ":" + key32()));

    assertThat(other.gaps()).containsExactly(
        new Gap(id, "shop.app_secret", Problem.DIFFERENT, 2),
        new Gap(id, "shop.session_key", Problem.DIFFERENT, 2));
  }

  @Test
  void valuesNamingAKeyTheRingLacksAreReportedByKeyIdEvenWhenTheRingsIdsHoldLikeWildcards() {
    String id = keys.activeKeyId();
    jdbc.sql("update shop set app_secret = :v where code = 'COV2'").param("v", "enc:1:axb:AAAA").update();
    KeyCoverage other = coverageWith(new MockEnvironment().withProperty("BRIDGE_DATA_KEYS", "a_b:" + key32()));

    assertThat(other.gaps()).containsExactly(
        new Gap(id, "shop.app_secret", Problem.MISSING, 1),
        new Gap("axb", "shop.app_secret", Problem.MISSING, 1),
        new Gap(id, "shop.session_key", Problem.MISSING, 2));
  }

  private KeyCoverage coverageWith(MockEnvironment env) {
    DataKeys ring = new DataKeys(env, dir.resolve("unused").toString());
    return new KeyCoverage(ring, new AesGcmFieldCipher(ring.ring()), tables, jdbc);
  }

  private static String key32() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
