package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.ChannelRefund;
import com.tmallbridge.channel.RefundFeed;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.UnreadableRefund;
import com.tmallbridge.core.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@link RefundFeed} over TOP: taobao.refunds.receive.get page by page with {@code use_has_next}
 * (100 per page, every trade type the bridge handles), entries without item detail completed with
 * taobao.refund.get. With {@code use_has_next} TOP gives no total, so pages are read forward until
 * {@code has_next} is false; a refund modified while the window is paged moves out of it and is
 * read by the next, overlapping window. An entry without item detail that the caller already holds
 * at its listed version is skipped without taobao.refund.get. Thread-safe.
 */
@Component
class TmallRefundFeed implements RefundFeed {
  private static final Logger log = LoggerFactory.getLogger(TmallRefundFeed.class);
  private static final Duration MAX_WINDOW = Duration.ofDays(1);
  /** Stops a gateway that always answers has_next=true from looping forever (TOP: 100 × 100 per window). */
  private static final int MAX_PAGES = 1_000;

  private final TopClient client;
  private final String types;

  TmallRefundFeed(TopClient client, TmallProperties properties) {
    this.client = client;
    this.types = String.join(",", properties.tradeTypes());
  }

  @Override
  public void changedRefunds(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink) {
    read(shop, window, pageSink, null);
  }

  @Override
  public void changedRefunds(
      ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink, Consumer<UnreadableRefund> unreadableSink) {
    read(shop, window, pageSink, unreadableSink);
  }

  @Override
  public void changedRefunds(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink,
      Consumer<UnreadableRefund> unreadableSink, HeldVersions held) {
    read(shop, window, pageSink, unreadableSink, held);
  }

  @Override
  public Optional<ChannelRefund> refund(ShopCredentials shop, String refundId) {
    return detail(shop, refundId).map(node -> map(shop, node));
  }

  @Override
  public ChannelRefund fromSnapshot(String rawJson) {
    return RefundMapper.fromJson(rawJson);
  }

  private void read(
      ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink, @Nullable Consumer<UnreadableRefund> unreadableSink) {
    read(shop, window, pageSink, unreadableSink, (refundId, modified, status) -> false);
  }

  private void read(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelRefund>> pageSink,
      @Nullable Consumer<UnreadableRefund> unreadableSink, HeldVersions held) {
    if (window.length().compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException("refunds are read at most one day at a time, window " + window + " is " + window.length());
    }
    for (long pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
      TopResponse page = client.call(shop, RefundRequests.receiveGet(window, types, pageNo, RefundRequests.MAX_PAGE_SIZE));
      List<JsonNode> entries = page.list("refunds");
      deliver(shop, entries, pageSink, unreadableSink, held);
      if (!page.hasNext() || entries.isEmpty()) {
        return;
      }
    }
    throw new ChannelException(TmallErrorCode.UNREADABLE_RECORD, Kind.PERMANENT, TmallErrorCode.UNREADABLE_RECORD.code()
        + " shop " + shop.shop() + ": " + RefundRequests.RECEIVE_GET + " still says has_next after " + MAX_PAGES
        + " pages for window " + window, null, null);
  }

  private void deliver(ShopCredentials shop, List<JsonNode> entries, Consumer<List<ChannelRefund>> pageSink,
      @Nullable Consumer<UnreadableRefund> unreadableSink, HeldVersions held) {
    List<ChannelRefund> refunds = new ArrayList<>();
    for (JsonNode entry : entries) {
      try {
        if (RefundMapper.needsDetail(entry) && heldAlready(entry, held)) {
          continue;
        }
        complete(shop, entry).ifPresent(refunds::add);
      } catch (IllegalArgumentException e) {
        if (unreadableSink == null) {
          throw TopExceptionTranslator.unreadable(shop.shop(), e);
        }
        log.warn("shop {}: a listed refund cannot be read and is held: {}", shop.shop(), e.getMessage());
        unreadableSink.accept(new UnreadableRefund(refundIdOf(entry), entry.toString(), e.getMessage()));
      }
    }
    if (!refunds.isEmpty()) {
      pageSink.accept(List.copyOf(refunds));
    }
  }

  /** Whether the caller holds the entry's version already; false when the entry does not say its version. */
  private static boolean heldAlready(JsonNode entry, HeldVersions held) {
    String refundId = TopValues.nonEmptyText(entry, "refund_id");
    String status = TopValues.nonEmptyText(entry, "status");
    Instant modified;
    try {
      modified = TopValues.instant(entry, "modified");
    } catch (IllegalArgumentException e) {
      return false; // unreadable here: the detail call and the mapper report it
    }
    return refundId != null && status != null && modified != null && held.holds(refundId, modified, status);
  }

  /** The entry itself when it has item detail, else the refund as refund.get returns it. */
  private Optional<ChannelRefund> complete(ShopCredentials shop, JsonNode entry) {
    if (!RefundMapper.needsDetail(entry)) {
      return Optional.of(RefundMapper.refund(entry));
    }
    String refundId = RefundMapper.refundId(entry);
    Optional<JsonNode> full = detail(shop, refundId);
    if (full.isEmpty()) {
      log.warn("shop {}: refund {} is listed as changed but refund.get says it does not exist", shop.shop(), refundId);
    }
    return full.map(RefundMapper::refund);
  }

  private Optional<JsonNode> detail(ShopCredentials shop, String refundId) {
    try {
      return client.call(shop, RefundRequests.refundGet(refundId)).object("refund");
    } catch (ChannelException e) {
      if (e.kind() == Kind.PERMANENT && e.getCause() instanceof TopApiException api && api.error().isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String refundIdOf(JsonNode entry) {
    try {
      return RefundMapper.refundId(entry);
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  private static ChannelRefund map(ShopCredentials shop, JsonNode refund) {
    try {
      return RefundMapper.refund(refund);
    } catch (IllegalArgumentException e) {
      throw TopExceptionTranslator.unreadable(shop.shop(), e);
    }
  }
}
