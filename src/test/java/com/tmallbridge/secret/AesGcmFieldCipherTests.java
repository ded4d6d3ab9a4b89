package com.tmallbridge.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class AesGcmFieldCipherTests {
  // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 14: AES-256, zero key, zero
  // 96-bit IV, 16 zero bytes of plaintext, no AAD (the empty context).
  private static final String KAT_KEY = "00".repeat(32);
  private static final String KAT_IV = "00".repeat(12);
  private static final String KAT_CIPHER_AND_TAG = "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919";

  private final DataKeyRing ring = DataKeyRing.fresh();
  private final FieldCipher cipher = new AesGcmFieldCipher(ring);

  @Test
  void sealsToTheTextFormAndOpensBack() {
    String sealed = cipher.seal("13800138000", "sales_order.receiver_phone");

    assertThat(sealed).startsWith("enc:1:k1:").doesNotContain("13800138000");
    assertThat(cipher.open(sealed, "sales_order.receiver_phone")).isEqualTo("13800138000");
    assertThat(cipher.seal("13800138000", "sales_order.receiver_phone")).as("random IV").isNotEqualTo(sealed);
    assertThat(Base64.getDecoder().decode(sealed.substring("enc:1:k1:".length()))).hasSize(12 + 11 + 16);
  }

  @Test
  void leavesNullAndUnsealedValuesAlone() {
    assertThat(cipher.seal(null, "shop.app_secret")).isNull();
    assertThat(cipher.open(null, "shop.app_secret")).isNull();
    assertThat(cipher.open("plain-secret", "shop.app_secret")).isEqualTo("plain-secret");
    String sealed = cipher.seal("x", "shop.app_secret");
    assertThat(cipher.seal(sealed, "shop.app_secret")).as("not sealed twice").isEqualTo(sealed);
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    String sealed = cipher.seal("浙江省杭州市西湖区文三路 90 号", "sales_order.receiver_address");
    byte[] bytes = Base64.getDecoder().decode(sealed.substring("enc:1:k1:".length()));
    bytes[20] ^= 1;
    String tampered = "enc:1:k1:" + Base64.getEncoder().encodeToString(bytes);

    assertThatThrownBy(() -> cipher.open(tampered, "sales_order.receiver_address"))
        .isInstanceOf(SealedValueException.class)
        .hasMessageContaining("altered");
  }

  @Test
  void aValueSealedForAnotherColumnDoesNotOpen() {
    String sealed = cipher.seal("secret", "shop.app_secret");

    assertThatThrownBy(() -> cipher.open(sealed, "shop.session_key")).isInstanceOf(SealedValueException.class);
  }

  @Test
  void aValueSealedWithAnUnknownKeyNamesTheKey() {
    String sealed = new AesGcmFieldCipher(DataKeyRing.parse("other:" + key32())).seal("secret", "shop.app_secret");

    assertThatThrownBy(() -> cipher.open(sealed, "shop.app_secret"))
        .isInstanceOf(SealedValueException.class)
        .hasMessageContaining("'other'");
  }

  @Test
  void matchesTheGcmSpecificationKnownAnswer() {
    HexFormat hex = HexFormat.of();
    DataKeyRing kat = DataKeyRing.parse("kat:" + Base64.getEncoder().encodeToString(hex.parseHex(KAT_KEY)));
    String sealed = "enc:1:kat:" + Base64.getEncoder().encodeToString(hex.parseHex(KAT_IV + KAT_CIPHER_AND_TAG));

    assertThat(new AesGcmFieldCipher(kat).open(sealed, "")).isEqualTo("\0".repeat(16));
  }

  @Test
  void anOlderKeyStillOpensAfterRotationAndValuesNeedResealing() {
    String old = cipher.seal("secret", "shop.app_secret");
    AesGcmFieldCipher rotated = new AesGcmFieldCipher(ring.withNewKey());

    assertThat(rotated.open(old, "shop.app_secret")).isEqualTo("secret");
    assertThat(rotated.needsResealing(old)).isTrue();
    assertThat(rotated.needsResealing("plain")).isTrue();
    assertThat(rotated.needsResealing(rotated.seal("secret", "shop.app_secret"))).isFalse();
    assertThat(rotated.seal("secret", "shop.app_secret")).startsWith("enc:1:k2:");
  }

  @Test
  void theKeyFileIsCreatedOwnerOnlyAndRotationAddsTheActiveKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys/data-keys");
    DataKeys keys = new DataKeys(new MockEnvironment(), file.toString());

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(keys.activeKeyId()).isEqualTo("k1");
    assertThat(keys.rotate()).isEqualTo("k2");
    DataKeys reloaded = new DataKeys(new MockEnvironment(), file.toString());
    assertThat(reloaded.keyIds()).containsExactly("k1", "k2");
    assertThat(reloaded.activeKeyId()).isEqualTo("k2");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void keysFromTheEnvironmentWinAndAreNotRotatedThere(@TempDir Path dir) {
    MockEnvironment env = new MockEnvironment().withProperty("BRIDGE_DATA_KEYS", "a:" + key32() + ",b:" + key32());
    DataKeys keys = new DataKeys(env, dir.resolve("data-keys").toString());

    assertThat(keys.activeKeyId()).isEqualTo("b");
    assertThat(keys.keyFile()).isNull();
    assertThat(Files.exists(dir.resolve("data-keys"))).isFalse();
    assertThatThrownBy(keys::rotate).isInstanceOf(IllegalStateException.class).hasMessageContaining("BRIDGE_DATA_KEYS");
  }

  private static String key32() {
    return Base64.getEncoder().encodeToString(new byte[32]);
  }

  @Test
  void digestsAreEqualForEqualTextsAndBoundToTheKeyAndTheColumn() {
    String d = cipher.digest("13800138000", "sync_inbox.payload");

    assertThat(d).startsWith("h1:k1:").doesNotContain("13800138000").hasSizeLessThanOrEqualTo(80);
    assertThat(cipher.digest("13800138000", "sync_inbox.payload")).as("deterministic").isEqualTo(d);
    assertThat(cipher.digest("13800138001", "sync_inbox.payload")).isNotEqualTo(d);
    assertThat(cipher.digest("13800138000", "sync_outbox.payload")).as("bound to the column").isNotEqualTo(d);
    assertThat(new AesGcmFieldCipher(DataKeyRing.fresh()).digest("13800138000", "sync_inbox.payload"))
        .as("another key ring").isNotEqualTo(d);
  }

  @Test
  void digestsUnderEveryKeyOfTheRingStartWithTheActiveOne() {
    DataKeyRing rotated = ring.withNewKey();
    FieldCipher next = new AesGcmFieldCipher(rotated);

    assertThat(next.keyCount()).isEqualTo(2);
    assertThat(next.digests("x", "sync_inbox.payload")).hasSize(2)
        .satisfies(ds -> assertThat(ds.get(0)).startsWith("h1:k2:"))
        .contains(cipher.digest("x", "sync_inbox.payload"));
    assertThat(next.digest("x", "sync_inbox.payload")).startsWith("h1:k2:");
  }
}
