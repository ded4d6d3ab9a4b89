package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's URL asks H2 to compress the pages it writes ({@code COMPRESS=TRUE},
 * docs/database.md). An install made before that has a file of uncompressed pages: opened with
 * the new settings it reads as before and takes new rows (written compressed); opened again, with
 * or without the setting, every row of both kinds is there. And the setting does what it is for:
 * the same rows take less file.
 */
class H2CompressedPagesTests {
  @TempDir Path dir;

  @Test
  void theShippedUrlCompressesPages() throws Exception {
    assertThat(shippedOptions()).contains(";COMPRESS=TRUE");
  }

  @Test
  void aFileOfUncompressedPagesOpensWithCompressionAndKeepsEveryRow() throws Exception {
    String before = shippedOptions().replace(";COMPRESS=TRUE", "");
    String url = "jdbc:h2:file:" + dir.resolve("bridge");
    try (Connection c = DriverManager.getConnection(url + before, "sa", ""); Statement s = c.createStatement()) {
      s.execute("create table snapshot (id bigint primary key, payload varchar(4000) not null)");
      insert(s, 0, 2_000);
    }

    try (Connection c = DriverManager.getConnection(url + shippedOptions(), "sa", ""); Statement s = c.createStatement()) {
      assertThat(payloads(s)).hasSize(2_000).allMatch(p -> p.startsWith("{\"tid\":"));
      insert(s, 2_000, 2_000);
    }

    for (String options : List.of(shippedOptions(), before)) {
      try (Connection c = DriverManager.getConnection(url + options, "sa", ""); Statement s = c.createStatement()) {
        List<String> payloads = payloads(s);
        assertThat(payloads).as(options).hasSize(4_000);
        for (int i = 0; i < payloads.size(); i++) {
          assertThat(payloads.get(i)).isEqualTo(payload(i));
        }
      }
    }
  }

  @Test
  void theSameRowsTakeLessFileCompressed() throws Exception {
    String plain = shippedOptions().replace(";COMPRESS=TRUE", "");
    long uncompressed = fileAfter(dir.resolve("plain"), plain);
    long compressed = fileAfter(dir.resolve("compressed"), shippedOptions());
    assertThat(compressed).as("bytes compressed against %d uncompressed", uncompressed).isLessThan(uncompressed * 3 / 4);
  }

  private static long fileAfter(Path name, String options) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + name + options, "sa", ""); Statement s = c.createStatement()) {
      s.execute("create table snapshot (id bigint primary key, payload varchar(4000) not null)");
      insert(s, 0, 5_000);
    }
    return Files.size(Path.of(name + ".mv.db"));
  }

  private static void insert(Statement s, int from, int count) throws Exception {
    for (int i = from; i < from + count; i++) {
      s.addBatch("insert into snapshot values (" + i + ", '" + payload(i) + "')");
    }
    s.executeBatch();
  }

  /** A trade-like JSON text, as the inbox and the outbox hold (before sealing). */
  private static String payload(int i) {
    return "{\"tid\":" + (4_000_000_000L + i) + ",\"status\":\"WAIT_SELLER_SEND_GOODS\",\"payment\":\"" + (i % 997) + ".00\","
        + "\"orders\":[{\"oid\":" + (8_000_000_000L + i) + ",\"outer_sku_id\":\"SKU-" + (i % 150) + "\",\"num\":1,"
        + "\"title\":\"天猫 双11 商品 " + (i % 40) + "\"}],\"receiver_state\":\"浙江省\",\"receiver_city\":\"杭州市\"}";
  }

  private static List<String> payloads(Statement s) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select payload from snapshot order by id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The settings after the file name in the shipped {@code spring.datasource.url}, from ';' on. */
  private static String shippedOptions() throws Exception {
    // the bridge's own file URL carries AUTO_SERVER; a test file opened by one connection needs none
    return ";" + SoakCommand.defaultH2Options().replace(";AUTO_SERVER=TRUE", "");
  }
}
