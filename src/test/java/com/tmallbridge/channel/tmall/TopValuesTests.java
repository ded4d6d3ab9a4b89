package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
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
    JsonNode node = json("{\"a\":3028689418086124,\"b\":\"227668460417201790\",\"c\":true}");

    assertThat(TopValues.requiredText(node, "a")).isEqualTo("3028689418086124");
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
}
