package com.tmallbridge.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stock cycle clears exactly the dirty marks it read. A mark inserted by a transaction that
 * commits after the read has a lower id than marks the read saw; clearing "every id up to the
 * highest read" deleted it unprocessed, and its material was never pushed again (a drift at rest
 * the demo on PostgreSQL caught with pages imported side by side). On H2 and PostgreSQL.
 */
@SpringBootTest
class DirtyMarksIntegrationTests extends SpringDatabaseTestBase {
  @Autowired StateRepository state;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void aMarkCommittedAfterTheReadSurvivesTheClear() throws Exception {
    jdbc.sql("delete from stock_dirty").update();
    StateRepository.Dirty read;
    try (Connection late = dataSource.getConnection()) {
      late.setAutoCommit(false);
      try (PreparedStatement insert = late.prepareStatement("insert into stock_dirty (material) values (?)")) {
        insert.setString(1, "DIRTY-LATE");
        insert.executeUpdate(); // takes the lower id, not yet committed
      }
      state.markDirty(List.of(new MaterialCode("DIRTY-EARLY"))); // a higher id, committed
      read = state.dirty();
      late.commit();
    }
    state.clearDirty(read);

    assertThat(read.materials()).containsExactly(new MaterialCode("DIRTY-EARLY"));
    assertThat(state.dirty().materials()).containsExactly(new MaterialCode("DIRTY-LATE"));
    jdbc.sql("delete from stock_dirty").update();
  }
}
