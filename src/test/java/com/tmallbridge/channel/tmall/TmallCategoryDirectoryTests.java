package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.CategoryDirectory.ChannelCategory;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Category names (taobao.itemcats.get): the leaves asked, then their parents up to the top; unknown ids; 1,000 ids a call. */
class TmallCategoryDirectoryTests extends StubbedChannelTest {
  @Override
  protected Instant now() {
    return Instant.parse("2026-12-05T04:00:00Z");
  }

  private static String cats(String... cats) {
    return "{\"itemcats_get_response\":{\"last_modified\":\"2026-01-01 00:00:00\",\"item_cats\":{\"item_cat\":["
        + String.join(",", cats) + "]}}}";
  }

  private static String cat(long cid, long parent, String name) {
    return "{\"cid\":" + cid + ",\"parent_cid\":" + parent + ",\"name\":\"" + name + "\"}";
  }

  @Test
  void namesEachCategoryWithItsPathFromTheTopLevel() {
    server.reply(
        Reply.json(cats(cat(50010850, 1623, "连衣裙"), cat(50016434, 50016349, "炒锅"))),
        Reply.json(cats(cat(1623, 16, "裙装"), cat(50016349, 0, "厨房/烹饪用具"))),
        Reply.json(cats(cat(16, 0, "女装/女士精品"))));

    Map<Long, ChannelCategory> named = channel.categories(shop, List.of(50010850L, 50016434L, 777L));

    assertThat(named).containsOnlyKeys(50010850L, 50016434L);
    assertThat(named.get(50010850L).path()).containsExactly("女装/女士精品", "裙装", "连衣裙");
    assertThat(named.get(50010850L).pathText()).isEqualTo("女装/女士精品 > 裙装 > 连衣裙");
    assertThat(named.get(50016434L).name()).isEqualTo("炒锅");
    assertThat(named.get(50016434L).path()).containsExactly("厨房/烹饪用具", "炒锅");
    assertThat(server.received()).extracting(r -> r.param("method")).containsOnly("taobao.itemcats.get");
    assertThat(server.received().get(0).form()).containsEntry("fields", "cid,parent_cid,name").containsEntry("cids", "50010850,50016434,777");
    assertThat(server.received().get(1).form()).containsEntry("cids", "1623,50016349");
    assertThat(server.received().get(2).form()).containsEntry("cids", "16");
  }

  @Test
  void aParentTmallDoesNotKnowEndsThePathAndNothingIsAskedForNoIds() {
    server.reply(Reply.json(cats(cat(5, 4, "叶子"))), Reply.json("{\"itemcats_get_response\":{\"last_modified\":\"2026-01-01 00:00:00\"}}"));

    assertThat(channel.categories(shop, List.of(5L)).get(5L).path()).containsExactly("叶子");
    assertThat(channel.categories(shop, List.of())).isEmpty();
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void moreThanAThousandIdsAreAskedAThousandACall() {
    String none = "{\"itemcats_get_response\":{\"last_modified\":\"2026-01-01 00:00:00\"}}";
    server.reply(Reply.json(none), Reply.json(none));

    channel.categories(shop, LongStream.rangeClosed(1, 1001).boxed().toList());

    assertThat(server.received()).hasSize(2);
    assertThat(server.received().get(0).form().get("cids").split(",")).hasSize(1000);
    assertThat(server.received().get(1).form()).containsEntry("cids", "1001");
  }
}
