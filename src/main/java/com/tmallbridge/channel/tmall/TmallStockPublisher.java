package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.QuantityUpdate;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.StockPublisher;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Publishes absolute quantities to Tmall over TOP: taobao.skus.quantity.update for up to 20 SKUs
 * of an item, taobao.item.quantity.update for an item without SKUs or a single SKU, both with
 * {@code type=1} (full update). Calls go through {@link TopClient} (signing, per-shop rate limit,
 * retry of {@code isp.*}/code 10/transport failures and short bans); what is left surfaces as
 * {@link ChannelException}. A call TOP rejects ({@code isv.*}: unknown item or SKU, item not the
 * seller's, bad quantity) becomes {@link TmallErrorCode#QUANTITY_REJECTED}, PERMANENT, naming the
 * item and SKUs. Full updates are idempotent, so a repeat after an unclear failure is harmless.
 * Thread-safe; one bean serves every shop.
 */
@Component
public class TmallStockPublisher implements StockPublisher {
  private final TopClient client;

  TmallStockPublisher(TopClient client) {
    this.client = client;
  }

  @Override
  public QuantityUpdate setSkuQuantities(ShopCredentials shop, String numIid, Map<String, Long> quantitiesBySkuId) {
    TopRequest request = StockRequests.skusQuantityUpdate(numIid, quantitiesBySkuId);
    return call(shop, request, "item " + numIid + " SKUs " + String.join(",", quantitiesBySkuId.keySet()));
  }

  @Override
  public QuantityUpdate setItemQuantity(ShopCredentials shop, String numIid, @Nullable String skuId, long quantity) {
    TopRequest request = StockRequests.itemQuantityUpdate(numIid, skuId, quantity);
    return call(shop, request, "item " + numIid + (skuId == null ? "" : " SKU " + skuId));
  }

  private QuantityUpdate call(ShopCredentials shop, TopRequest request, String target) {
    TopResponse response;
    try {
      response = client.call(shop, request);
    } catch (ChannelException e) {
      throw isQuantityRejection(e) ? rejected(shop, request, target, (TopApiException) e.getCause()) : e;
    }
    try {
      JsonNode item = response.object("item")
          .orElseThrow(() -> new IllegalArgumentException(request.method() + " for " + target + " answered without an item"));
      return QuantityMapper.update(item);
    } catch (IllegalArgumentException e) {
      throw TopExceptionTranslator.unreadable(shop.shop(), e);
    }
  }

  /** Only {@code isv.*} answers blame the data; permission and parameter codes keep REJECTED. */
  private static boolean isQuantityRejection(ChannelException e) {
    return e.errorCode() == TmallErrorCode.REJECTED
        && e.getCause() instanceof TopApiException api
        && api.error().subCodeStartsWith("isv.");
  }

  private static ChannelException rejected(ShopCredentials shop, TopRequest request, String target, TopApiException api) {
    TmallErrorCode code = TmallErrorCode.QUANTITY_REJECTED;
    return new ChannelException(
        code,
        Kind.PERMANENT,
        code.code() + " shop " + shop.shop() + ": " + request.method() + " for " + target + " rejected: " + api.error().describe(),
        null,
        api);
  }
}
