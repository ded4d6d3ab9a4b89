package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ChannelItem;
import com.tmallbridge.channel.ShopProbe.ProbeResult;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TmallChannelCatalogAndProbeTests extends StubbedChannelTest {
  @Override
  protected Instant now() {
    return Instant.parse("2024-11-10T17:00:00Z");
  }

  private static String item(String numIid) {
    return "{\"num_iid\":" + numIid + ",\"title\":\"item " + numIid + "\",\"price\":\"1.00\",\"num\":1,"
        + "\"skus\":{\"sku\":[{\"sku_id\":" + numIid + "1,\"quantity\":1}]}}";
  }

  private static String itemList(String responseName, long total, List<String> ids) {
    return "{\"" + responseName + "\":{\"total_results\":" + total + ",\"items\":{\"item\":["
        + ids.stream().map(TmallChannelCatalogAndProbeTests::item).collect(Collectors.joining(",")) + "]}}}";
  }

  @Test
  void pagesThroughItemsOnSale200APage() {
    List<String> firstPage = IntStream.rangeClosed(1, 200).mapToObj(String::valueOf).toList();
    server.reply(
        Reply.json(itemList("items_onsale_get_response", 201, firstPage)),
        Reply.json(itemList("items_onsale_get_response", 201, List.of("201"))));
    List<List<ChannelItem>> pages = new ArrayList<>();

    channel.onSaleItems(shop, pages::add);

    assertThat(pages).extracting(List::size).containsExactly(200, 1);
    assertThat(server.received()).extracting(r -> r.param("page_no")).containsExactly("1", "2");
    assertThat(server.received().get(0).form())
        .containsEntry("page_size", "200")
        .containsEntry("fields", ItemMapper.LIST_FIELDS);
  }

  @Test
  void readsOneItemWithItsSkus() {
    server.reply(Reply.json(Fixtures.text("item_seller_get/with_skus.json")));

    assertThat(channel.item(shop, "612345678901")).hasValueSatisfying(i -> assertThat(i.skus()).hasSize(2));
    assertThat(server.received().get(0).form()).containsEntry("num_iid", "612345678901").containsEntry("fields", ItemMapper.DETAIL_FIELDS);
  }

  @Test
  void answersEmptyForAnItemThatDoesNotExist() {
    server.reply(Reply.json("{\"error_response\":{\"code\":15,\"msg\":\"Remote service error\",\"sub_code\":\"isv.item-not-exist\"}}"));

    assertThat(channel.item(shop, "1")).isEmpty();
  }

  @Test
  void readsItemsInBatchesOfTwentyIds() {
    server.answer(r -> Reply.json(itemList("items_seller_list_get_response", 0, Arrays.asList(r.param("num_iids").split(",")))));
    List<String> ids = new ArrayList<>(IntStream.rangeClosed(1, 45).mapToObj(String::valueOf).toList());
    ids.add("7");

    List<ChannelItem> items = channel.items(shop, ids);

    assertThat(server.received()).extracting(r -> r.param("num_iids").split(",").length).containsExactly(20, 20, 5);
    assertThat(items).hasSize(45).allSatisfy(i -> assertThat(i.skus()).hasSize(1));
  }

  @Test
  void makesNoCallForNoItems() {
    assertThat(channel.items(shop, List.of())).isEmpty();
    assertThat(server.received()).isEmpty();
  }

  @Test
  void probesWithOneCheapAuthorisedCall() {
    server.reply(Reply.json("{\"trades_sold_increment_get_response\":{\"total_results\":3}}"));

    ProbeResult result = channel.probe(shop);

    assertThat(result.ok()).isTrue();
    assertThat(result.detail()).contains("3 trade(s)");
    assertThat(result.latencyMillis()).isGreaterThanOrEqualTo(0);
    assertThat(server.received().get(0).form())
        .containsEntry("fields", "tid")
        .containsEntry("page_size", "1")
        .containsEntry("start_modified", "2024-11-11 00:59:00")
        .containsEntry("end_modified", "2024-11-11 01:00:00");
  }

  @Test
  void reportsAFailedProbeWithoutThrowing() {
    server.reply(Reply.json(Fixtures.text("error/invalid_session.json")));

    ProbeResult result = channel.probe(shop);

    assertThat(result.ok()).isFalse();
    assertThat(result.detail()).contains("TMALL-004").contains("code=27");
    assertThat(channel.needsReauthorisation(shop.shop())).isTrue();
    channel.clearReauthorisation(shop.shop());
    assertThat(channel.needsReauthorisation(shop.shop())).isFalse();
  }
}
