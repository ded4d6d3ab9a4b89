package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.tmallbridge.core.TimeWindow;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopRequestsTests {
  private static final Instant START = Instant.parse("2024-11-10T16:00:00Z");
  private static final Instant END = Instant.parse("2024-11-10T16:30:59Z");

  @Test
  void buildsIncrementGetWithGmtPlus8WindowAndTotalResults() {
    TopRequest request = TradeRequests.incrementGet(new TimeWindow(START, END), "tid", "fixed,step", 3, 40);

    assertThat(request.method()).isEqualTo("taobao.trades.sold.increment.get");
    assertThat(request.params())
        .containsExactly(
            Map.entry("fields", "tid"),
            Map.entry("type", "fixed,step"),
            Map.entry("start_modified", "2024-11-11 00:00:00"),
            Map.entry("end_modified", "2024-11-11 00:30:59"),
            Map.entry("page_no", "3"),
            Map.entry("page_size", "40"),
            Map.entry("use_has_next", "false"));
  }

  @Test
  void buildsSoldGetByCreationTime() {
    TopRequest request = TradeRequests.soldGet(START, END, "tid,status", 1, 100);

    assertThat(request.method()).isEqualTo("taobao.trades.sold.get");
    assertThat(request.params())
        .containsEntry("start_created", "2024-11-11 00:00:00")
        .containsEntry("end_created", "2024-11-11 00:30:59")
        .containsEntry("page_size", "100");
  }

  @Test
  void buildsFullinfoGet() {
    assertThat(TradeRequests.fullinfoGet("3028689418086124", "tid").params())
        .containsExactly(Map.entry("fields", "tid"), Map.entry("tid", "3028689418086124"));
  }

  @Test
  void buildsItemRequests() {
    assertThat(ItemRequests.onsaleGet(2, 200).params())
        .containsEntry("page_no", "2")
        .containsEntry("page_size", "200")
        .containsEntry("fields", ItemMapper.LIST_FIELDS);
    assertThat(ItemRequests.sellerGet("9").params()).containsEntry("num_iid", "9").containsEntry("fields", "num_iid,title,outer_id,price,num,approve_status,cid,sku");
    assertThat(ItemRequests.sellerListGet(List.of("1", "2")).params()).containsEntry("num_iids", "1,2");
  }

  @Test
  void refusesMoreThanTwentyIdsPerSellerListCall() {
    assertThatIllegalArgumentException().isThrownBy(() -> ItemRequests.sellerListGet(Collections.nCopies(21, "1")));
    assertThatIllegalArgumentException().isThrownBy(() -> ItemRequests.sellerListGet(List.of()));
  }

  @Test
  void keepsRequestsImmutable() {
    TopRequest base = TopRequest.of("taobao.item.seller.get");
    TopRequest withId = base.with("num_iid", 5L);

    assertThat(base.params()).isEmpty();
    assertThat(withId.params()).containsExactly(Map.entry("num_iid", "5"));
    assertThatIllegalArgumentException().isThrownBy(() -> TopRequest.of(" "));
  }
}
