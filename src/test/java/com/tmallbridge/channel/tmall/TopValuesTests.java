package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.tmallbridge.core.Money;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TopValuesTests {

  private static JsonNode json(String text) {
    return TopJson.readObject(text);
  }

  @Test
  void convertsGmtPlus8WallTimeToInstants() {
    JsonNode node = json("{\"t\":\"2024-11-11 00:00:05\"}");

    assertThat(TopValues.instant(node, "t")).isEqualTo(Instant.parse("2024-11-10T16:00:05Z"));
    assertThat(TopDateTime.format(Instant.parse("2024-11-10T16:00:05.999Z"))).isEqualTo("2024-11-11 00:00:05");
  }

  @Test
  void readsMoneyAsFenFromTextOrNumbers() {
    JsonNode node = json("{\"a\":\"148.00\",\"b\":\"0.01\",\"c\":148.5,\"d\":\"-3.20\",\"e\":\"\",\"f\":null}");

    assertThat(TopValues.fen(node, "a", -1)).isEqualTo(14800);
    assertThat(TopValues.fen(node, "b", -1)).isEqualTo(1);
    assertThat(TopValues.fen(node, "c", -1)).isEqualTo(14850);
    assertThat(TopValues.fen(node, "d", -1)).isEqualTo(-320);
    assertThat(TopValues.fen(node, "e", -1)).isEqualTo(-1);
    assertThat(TopValues.fen(node, "f", -1)).isEqualTo(-1);
    assertThat(TopValues.optionalFen(node, "missing")).isNull();
  }

  @Test
  void rejectsMalformedMoneyAndTimesNamingTheField() {
    JsonNode node = json("{\"payment\":\"1.005\",\"created\":\"2024/11/11\",\"price\":\"abc\"}");

    assertThatIllegalArgumentException().isThrownBy(() -> TopValues.fen(node, "payment", 0)).withMessageContaining("payment");
    assertThatIllegalArgumentException().isThrownBy(() -> TopValues.fen(node, "price", 0)).withMessageContaining("price");
    assertThatIllegalArgumentException().isThrownBy(() -> TopValues.instant(node, "created")).withMessageContaining("created");
  }

  @Test
  void readsIdsGivenAsNumbersOrStrings() {
    JsonNode node = json("{\"a\":3028689418086124,\"b\":\"227668460417201790\",\"c\":true,\"d\":99999999999999999999,\"e\":-7,\"f\":1.50}");

    assertThat(TopValues.requiredText(node, "a")).isEqualTo("3028689418086124");
    assertThat(TopValues.requiredText(node, "d")).isEqualTo("99999999999999999999");
    assertThat(TopValues.requiredText(node, "e")).isEqualTo("-7");
    assertThat(TopValues.requiredText(node, "f")).isEqualTo("1.50");
    assertThat(TopValues.requiredText(node, "c")).isEqualTo("true");
    assertThat(TopValues.requiredText(node, "b")).isEqualTo("227668460417201790");
    assertThat(TopValues.bool(node, "c", false)).isTrue();
    assertThatIllegalArgumentException().isThrownBy(() -> TopValues.requiredText(node, "tid")).withMessageContaining("tid");
  }

  @Test
  void readsWrappedPlainSingleAndMissingLists() {
    JsonNode node =
        json(
            "{\"orders\":{\"order\":[{\"oid\":1},{\"oid\":2}]},\"skus\":[{\"sku_id\":3}],"
                + "\"items\":{\"item\":{\"num_iid\":4}},\"promotion_details\":{\"promotion_detail\":[]},"
                + "\"refunds\":{\"refund_list\":[{\"id\":5}]},\"trades\":null}");

    assertThat(TopValues.list(node, "orders")).extracting(o -> o.get("oid").asInt()).containsExactly(1, 2);
    assertThat(TopValues.list(node, "skus")).hasSize(1);
    assertThat(TopValues.list(node, "items")).hasSize(1);
    assertThat(TopValues.list(node, "promotion_details")).isEmpty();
    assertThat(TopValues.list(node, "refunds")).hasSize(1);
    assertThat(TopValues.list(node, "trades")).isEmpty();
    assertThat(TopValues.list(node, "absent")).isEmpty();
  }

  @Test
  void readsTimesAsTheFormatterDoesWhateverTheText() {
    DateTimeFormatter formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    List<String> texts = List.of(
        "2024-11-11 00:00:05", "1970-01-01 08:00:00", "2024-02-29 23:59:59", "2023-02-29 12:00:00", "2023-04-31 12:00:00",
        "2024-12-31 23:59:59", "2024-01-01 24:00:00", "2024-01-01 23:60:00", "2024-13-01 00:00:00", "2024-00-10 00:00:00",
        "2024-01-32 00:00:00", "0000-01-01 00:00:00", " 2024-11-11 00:00:05 ", "2024-11-11T00:00:05", "2024-11-1100:00:05",
        "2024-1-11 00:00:05", "20x4-11-11 00:00:05", "2024-11-11 00:00:5", "9999-12-31 23:59:59", "+2024-11-11 00:00:05");
    for (String text : texts) {
      Instant expected;
      try {
        expected = LocalDateTime.parse(text.trim(), formatter).toInstant(ZoneOffset.ofHours(8));
      } catch (RuntimeException e) {
        assertThatIllegalArgumentException().as(text).isThrownBy(() -> TopDateTime.parse(text));
        continue;
      }
      assertThat(TopDateTime.parse(text)).as(text).isEqualTo(expected);
    }
  }

  @Test
  void readsMoneyAsParseYuanDoesWhateverTheText() {
    List<String> texts = List.of(
        "148.00", "0.01", "-3.20", "-3.2", "7", "0", "-0.00", "1.5", "999999999999999.99", "9999999999999999", "1.", ".5", "1.005",
        "1.000", "+1.00", " 2.00 ", "1e2", "abc", "-", "1.-1", "12a.00", "1,00", "00.10", "92233720368547758.07");
    for (String text : texts) {
      JsonNode node = json("{\"v\":\"" + text + "\"}");
      long expected;
      try {
        expected = Money.parseYuan(text);
      } catch (RuntimeException e) {
        assertThatIllegalArgumentException().as(text).isThrownBy(() -> TopValues.fen(node, "v", 0));
        continue;
      }
      assertThat(TopValues.fen(node, "v", 0)).as(text).isEqualTo(expected);
    }
  }
}
