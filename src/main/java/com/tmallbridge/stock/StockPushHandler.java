package com.tmallbridge.stock;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.QuantityUpdate;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.StockPublisher;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.stock.PublicationRepository.ItemKey;
import com.tmallbridge.stock.PublicationRepository.Row;
import com.tmallbridge.sync.DeliveryException;
import com.tmallbridge.sync.MessageHandler;
import com.tmallbridge.sync.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code tmall.stock.push}: pushes the current figures of one item's listings that need
 * it, in full mode: {@code setSkuQuantities} in chunks of {@link StockPublisher#MAX_SKUS_PER_CALL},
 * {@code setItemQuantity} for items without SKUs. When a chunk is rejected permanently its SKUs are
 * pushed one by one, so one bad SKU does not hold back the others; the bad one keeps its error
 * and is not tried again until its figure changes or an operator pushes it. Transient failures
 * roll the delivery back and the outbox retries it.
 */
@Component
class StockPushHandler implements MessageHandler {
  private final PublicationRepository publications;
  private final ShopManagement shops;
  private final ObjectProvider<StockPublisher> publisher;
  private final JsonMapper json;
  private final Clock clock;

  StockPushHandler(PublicationRepository publications, ShopManagement shops, ObjectProvider<StockPublisher> publisher, JsonMapper json,
      Clock clock) {
    this.publications = publications;
    this.shops = shops;
    this.publisher = publisher;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String messageType() {
    return StockPushes.MESSAGE_TYPE;
  }

  /** Each call goes to Tmall (with retries): one message per transaction. */
  @Override
  public boolean groupable() {
    return false;
  }

  @Override
  public void handle(OutboxMessage message) {
    JsonNode payload = json.readTree(message.payload());
    ItemKey item = new ItemKey(new ShopId(payload.get("shopId").asLong()), payload.get("numIid").asString());
    Instant started = clock.instant();
    publications.markPending(item, null);
    Optional<Shop> shop = shops.find(item.shop());
    if (shop.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    if (!shop.get().callableAt(now)) {
      String why = "shop " + shop.get().code() + " is " + shop.get().status() + ": stock pushes wait";
      Instant callable = shop.get().callableAgainAt(now);
      throw callable == null ? unavailable(why)
          : DeliveryException.waitUntil(StockErrorCode.SHOP_UNAVAILABLE.code(), why + " until " + callable, callable);
    }
    StockPublisher target = publisher.getIfAvailable();
    if (target == null) {
      throw unavailable("no StockPublisher is configured for the channel");
    }
    List<Row> rows = publications.rowsToPush(item);
    Map<String, Long> skus = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.skuId().isEmpty()) {
        pushOne(target, shop.get().credentials(), item, null, r.wanted(), started);
      } else {
        skus.put(r.skuId(), r.wanted());
      }
    }
    List<String> ids = List.copyOf(skus.keySet());
    for (int from = 0; from < ids.size(); from += StockPublisher.MAX_SKUS_PER_CALL) {
      Map<String, Long> chunk = new LinkedHashMap<>();
      ids.subList(from, Math.min(ids.size(), from + StockPublisher.MAX_SKUS_PER_CALL)).forEach(id -> chunk.put(id, skus.get(id)));
      pushChunk(target, shop.get().credentials(), item, chunk, started);
    }
  }

  private void pushChunk(StockPublisher target, ShopCredentials shop, ItemKey item, Map<String, Long> chunk, Instant started) {
    try {
      QuantityUpdate update = target.setSkuQuantities(shop, item.numIid(), chunk);
      chunk.forEach((sku, q) -> publications.recordPushed(item, sku, update.skuQuantities().getOrDefault(sku, q), clock.instant(), started));
    } catch (ChannelException e) {
      if (e.kind() != ChannelException.Kind.PERMANENT) {
        throw transientFailure(e);
      }
      chunk.forEach((sku, q) -> pushOne(target, shop, item, sku, q, started));
    }
  }

  private void pushOne(StockPublisher target, ShopCredentials shop, ItemKey item, String skuId, long quantity, Instant started) {
    String key = skuId == null ? "" : skuId;
    try {
      target.setItemQuantity(shop, item.numIid(), skuId, quantity);
      publications.recordPushed(item, key, quantity, clock.instant(), started);
    } catch (ChannelException e) {
      if (e.kind() != ChannelException.Kind.PERMANENT) {
        throw transientFailure(e);
      }
      publications.recordFailed(item, key, quantity, e.errorCode().code(), e.getMessage(), clock.instant());
    }
  }

  private static DeliveryException transientFailure(ChannelException e) {
    return new DeliveryException(e.errorCode().code(), true, e.getMessage(), e);
  }

  private static DeliveryException unavailable(String message) {
    return new DeliveryException(StockErrorCode.SHOP_UNAVAILABLE.code(), true, message, null);
  }
}
