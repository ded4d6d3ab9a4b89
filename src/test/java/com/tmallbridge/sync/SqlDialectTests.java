package com.tmallbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlDialectTests {

  @Test
  void locksClaimsWithSkipLockedOnlyOnPostgresql() {
    assertThat(SqlDialect.of("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
    assertThat(SqlDialect.POSTGRESQL.claimLockClause()).isEqualTo(" FOR UPDATE SKIP LOCKED");
    assertThat(SqlDialect.of("H2")).isEqualTo(SqlDialect.H2);
    assertThat(SqlDialect.H2.claimLockClause()).isEmpty();
    assertThat(SqlDialect.of("HSQL Database Engine")).isEqualTo(SqlDialect.GENERIC);
  }
}
