package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.TradeCensus.TradeStamp;
import com.tmallbridge.channel.tmall.TopStubServer.Reply;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Trades listed by created time (taobao.trades.sold.get) for the completeness check: pages, fields, GMT+8 times, unpaid trades. */
class TmallTradeCensusTests extends StubbedChannelTest {
  @Override
  protected Instant now() {
    return Instant.parse("2026-12-05T04:00:00Z");
  }

  private static String trade(int tid, boolean paid) {
    return "{\"tid\":" + tid + ",\"status\":\"" + (paid ? "WAIT_SELLER_SEND_GOODS" : "WAIT_BUYER_PAY") + "\",\"created\":\"2026-12-04 10:00:00\""
        + (paid ? ",\"pay_time\":\"2026-12-04 10:05:00\"" : "") + "}";
  }

  private static String page(long total, List<Integer> tids) {
    return "{\"trades_sold_get_response\":{\"total_results\":" + total + ",\"trades\":{\"trade\":["
        + tids.stream().map(t -> trade(t, t % 2 == 0)).collect(Collectors.joining(",")) + "]}}}";
  }

  @Test
  void pagesThroughEveryTradeCreatedInTheWindow100APage() {
    server.reply(
        Reply.json(page(101, IntStream.rangeClosed(1, 100).boxed().toList())),
        Reply.json(page(101, List.of(101))));

    List<TradeStamp> listed = channel.createdBetween(shop, Instant.parse("2026-12-03T16:00:00Z"), Instant.parse("2026-12-04T15:59:59Z"));

    assertThat(listed).hasSize(101);
    assertThat(listed.get(1)).isEqualTo(new TradeStamp("2", "WAIT_SELLER_SEND_GOODS", Instant.parse("2026-12-04T02:00:00Z"),
        Instant.parse("2026-12-04T02:05:00Z")));
    assertThat(listed.get(0).payTime()).isNull();
    assertThat(server.received()).extracting(r -> r.param("page_no")).containsExactly("1", "2");
    assertThat(server.received().get(0).param("method")).isEqualTo("taobao.trades.sold.get");
    assertThat(server.received().get(0).form())
        .containsEntry("fields", "tid,status,created,pay_time")
        .containsEntry("page_size", "100")
        .containsEntry("start_created", "2026-12-04 00:00:00")
        .containsEntry("end_created", "2026-12-04 23:59:59");
  }
}
