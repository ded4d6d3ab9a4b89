package com.tmallbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryHashTests {
  private static final Instant AT = Instant.parse("2026-11-11T00:00:00.123Z");

  @Test
  void matchesTheHashOfItsDocumentedTextComputedOutsideJava() {
    // printf '1:7\n24:2026-11-11T00:00:00.123Z\n5:alice\n10:10.0.0.1:5\n11:SHOP_CHANGE\n9:shop:TM01\n2:OK\n-1:\n3:a→b\n64:000…0\n' | sha256sum
    assertThat(EntryHash.of(7, AT, "alice", "10.0.0.1:5", AuditAction.SHOP_CHANGE, "shop:TM01", "OK", null, "a→b", EntryHash.GENESIS))
        .isEqualTo("d65c59e01bdf3e1207180d139c92d57df81d2c559362c0eda508828f7e1e719a");
  }

  @Test
  void fieldBoundariesNullsAndThePreviousHashAllCount() {
    String base = EntryHash.of(1, AT, "ab", "c", AuditAction.LOGIN, "t", "OK", null, null, EntryHash.GENESIS);

    assertThat(EntryHash.of(1, AT, "a", "bc", AuditAction.LOGIN, "t", "OK", null, null, EntryHash.GENESIS)).isNotEqualTo(base);
    assertThat(EntryHash.of(1, AT, "ab", "c", AuditAction.LOGIN, "t", "OK", "", null, EntryHash.GENESIS)).isNotEqualTo(base);
    assertThat(EntryHash.of(1, AT, "ab", "c", AuditAction.LOGIN, "t", "OK", null, null, "1".repeat(64))).isNotEqualTo(base);
    assertThat(EntryHash.of(2, AT, "ab", "c", AuditAction.LOGIN, "t", "OK", null, null, EntryHash.GENESIS)).isNotEqualTo(base);
    assertThat(EntryHash.of(1, AT, "ab", "c", AuditAction.LOGIN, "t", "OK", null, null, EntryHash.GENESIS)).isEqualTo(base);
  }
}
