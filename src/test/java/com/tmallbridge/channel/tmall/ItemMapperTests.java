package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.ChannelItem;
import com.tmallbridge.channel.ChannelSku;
import org.junit.jupiter.api.Test;

class ItemMapperTests {

  @Test
  void mapsOnSaleListEntriesWithoutSkus() {
    var items = Fixtures.response("items_onsale_get/wrapped.json", false).list("items").stream().map(ItemMapper::item).toList();

    assertThat(items)
        .containsExactly(
            new ChannelItem("612345678901", "纯棉T恤", "TB-100", 9900, 120, "onsale", java.util.List.of()),
            new ChannelItem("612345678902", "帆布袋", null, 10000, 0, "onsale", java.util.List.of()));
  }

  @Test
  void readsTheLeafCategoryAndLeavesItUnknownWhenAbsentOrZero() {
    var mapper = new tools.jackson.databind.ObjectMapper();

    assertThat(ItemMapper.item(mapper.readTree("{\"num_iid\":1,\"title\":\"t\",\"price\":\"1.00\",\"cid\":50012345}")).cid())
        .isEqualTo(50012345L);
    assertThat(ItemMapper.item(mapper.readTree("{\"num_iid\":1,\"title\":\"t\",\"price\":\"1.00\",\"cid\":0}")).cid()).isNull();
    assertThat(ItemMapper.item(mapper.readTree("{\"num_iid\":1,\"title\":\"t\",\"price\":\"1.00\"}")).cid()).isNull();
    assertThat(ItemMapper.LIST_FIELDS).contains(",cid");
  }

  @Test
  void mapsSkusAndLetsASkuWithoutPriceInheritTheItemPrice() {
    ChannelItem item = ItemMapper.item(Fixtures.response("item_seller_get/with_skus.json", false).object("item").orElseThrow());

    assertThat(item.skus())
        .containsExactly(
            new ChannelSku(
                "4567890123456", "TB-100-WH-XL", "1627207:28320;20509:28317", "1627207:28320:颜色:白色;20509:28317:尺码:XL", 9900, 10),
            new ChannelSku("4567890123457", "TB-100-BK-XL", "1627207:28341;20509:28317", null, 9900, 20));
  }

  @Test
  void mapsTheSimplifyForm() {
    var items = Fixtures.response("items_seller_list_get/simplify.json", true).list("items");

    ChannelItem item = ItemMapper.item(items.get(0));

    assertThat(item.approveStatus()).isEqualTo("instock");
    assertThat(item.priceFen()).isEqualTo(5990);
    assertThat(item.skus()).extracting(ChannelSku::skuId).containsExactly("7001");
  }
}
