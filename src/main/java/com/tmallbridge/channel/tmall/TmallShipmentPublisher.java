package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.CarrierCompany;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.ChannelTradeLine;
import com.tmallbridge.channel.ShipResult;
import com.tmallbridge.channel.ShipResult.Outcome;
import com.tmallbridge.channel.ShipmentPublisher;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@link ShipmentPublisher} over TOP: taobao.logistics.offline.send (split parcels with {@code
 * is_split=1} and {@code sub_tid}) and taobao.logistics.companies.get. A refusal that concerns the
 * trade's state is checked against the trade itself (taobao.trade.fullinfo.get): if the trade, or
 * every sub-order of the parcel, is shipped already the call counts as done ({@link
 * Outcome#ALREADY_SHIPPED}); otherwise the refusal is a PERMANENT error naming the trade's state.
 * Thread-safe.
 */
@Component
class TmallShipmentPublisher implements ShipmentPublisher {
  /** Trade and sub-order states in which the goods have left the seller. */
  static final Set<String> SHIPPED_STATES = Set.of("WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED", "TRADE_FINISHED");

  private final TopClient client;
  private final TmallTradeFeed trades;

  TmallShipmentPublisher(TopClient client, TmallProperties properties) {
    this.client = client;
    this.trades = new TmallTradeFeed(client, properties.pageSize(), String.join(",", properties.tradeTypes()));
  }

  @Override
  public ShipResult ship(
      ShopCredentials shop, String tid, String companyCode, String trackingNo, @Nullable List<String> subOids) {
    checkArguments(tid, companyCode, subOids);
    String what = "shop " + shop.shop() + ": " + LogisticsRequests.OFFLINE_SEND + " for trade " + tid
        + (subOids == null ? "" : " sub-orders " + String.join(",", subOids));
    if (trackingNo.isBlank()) {
      throw failure(TmallErrorCode.INVALID_TRACKING_NUMBER, Kind.PERMANENT, what + " not sent: the tracking number is blank", null);
    }
    TopResponse response;
    try {
      response = client.call(shop, LogisticsRequests.offlineSend(tid, companyCode, trackingNo.strip(), subOids));
    } catch (ChannelException e) {
      return refused(shop, tid, subOids, what, e);
    }
    JsonNode shipping = response.object("shipping").orElse(response.body());
    if (TopValues.bool(shipping, "is_success", false)) {
      return new ShipResult(tid, subOids, Outcome.SHIPPED, "shipped with " + companyCode + " " + trackingNo.strip());
    }
    if (isShipped(shop, tid, subOids).orElse(false)) {
      return new ShipResult(tid, subOids, Outcome.SHIPPED, "shipped with " + companyCode + " " + trackingNo.strip());
    }
    throw failure(TmallErrorCode.SHIPMENT_NOT_CONFIRMED, Kind.RETRYABLE, what + " answered is_success=false", null);
  }

  @Override
  public List<CarrierCompany> companies(ShopCredentials shop) {
    TopResponse response = client.call(shop, LogisticsRequests.companiesGet());
    try {
      return response.list("logistics_companies").stream().map(TmallShipmentPublisher::company).toList();
    } catch (IllegalArgumentException e) {
      throw TopExceptionTranslator.unreadable(shop.shop(), e);
    }
  }

  private ShipResult refused(
      ShopCredentials shop, String tid, @Nullable List<String> subOids, String what, ChannelException e) {
    if (e.kind() != Kind.PERMANENT || !(e.getCause() instanceof TopApiException api)) {
      throw e;
    }
    String answer = api.error().describe();
    return switch (ShipmentFailureClassifier.classify(api.error())) {
      case TRACKING_NUMBER -> throw failure(TmallErrorCode.INVALID_TRACKING_NUMBER, Kind.PERMANENT, what + " refused: " + answer, api);
      case CARRIER -> throw failure(TmallErrorCode.INVALID_CARRIER, Kind.PERMANENT, what + " refused: " + answer, api);
      case TRADE_NOT_FOUND -> throw failure(TmallErrorCode.TRADE_NOT_FOUND, Kind.PERMANENT, what + " refused: " + answer, api);
      case TRADE_STATE -> checkState(shop, tid, subOids, what, api);
      case OTHER -> throw e;
    };
  }

  /** After a state refusal: shipped already means done, anything else is for the operator. */
  private ShipResult checkState(ShopCredentials shop, String tid, @Nullable List<String> subOids, String what, TopApiException api) {
    Optional<ChannelTrade> trade = trades.trade(shop, tid);
    if (trade.isEmpty()) {
      throw failure(TmallErrorCode.TRADE_NOT_FOUND, Kind.PERMANENT, what + " refused: " + api.error().describe()
          + "; trade.fullinfo.get does not find the trade either", api);
    }
    if (shipped(trade.get(), subOids)) {
      return new ShipResult(tid, subOids, Outcome.ALREADY_SHIPPED, "already shipped on Tmall (" + api.error().describe() + ")");
    }
    throw failure(TmallErrorCode.TRADE_STATE_FORBIDS_SHIPPING, Kind.PERMANENT, what + " refused: " + api.error().describe()
        + "; the trade is " + trade.get().status() + lineStates(trade.get(), subOids), api);
  }

  private Optional<Boolean> isShipped(ShopCredentials shop, String tid, @Nullable List<String> subOids) {
    return trades.trade(shop, tid).map(trade -> shipped(trade, subOids));
  }

  /** Whether the whole trade, or every named sub-order, has left the seller. */
  static boolean shipped(ChannelTrade trade, @Nullable List<String> subOids) {
    if (SHIPPED_STATES.contains(trade.status())) {
      return true;
    }
    if (subOids == null) {
      return false;
    }
    for (String oid : subOids) {
      Optional<ChannelTradeLine> line = trade.lines().stream().filter(l -> l.oid().equals(oid)).findFirst();
      if (line.isEmpty() || !SHIPPED_STATES.contains(line.get().status())) {
        return false;
      }
    }
    return true;
  }

  private static String lineStates(ChannelTrade trade, @Nullable List<String> subOids) {
    if (subOids == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(", sub-orders:");
    for (String oid : subOids) {
      String state = trade.lines().stream().filter(l -> l.oid().equals(oid)).findFirst()
          .map(l -> String.valueOf(l.status())).orElse("not in the trade");
      out.append(' ').append(oid).append('=').append(state);
    }
    return out.toString();
  }

  private static CarrierCompany company(JsonNode node) {
    String code = TopValues.requiredText(node, "code");
    String name = TopValues.nonEmptyText(node, "name");
    String id = TopValues.nonEmptyText(node, "id");
    Long numericId = null;
    if (id != null) {
      try {
        numericId = Long.parseLong(id.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("logistics company " + code + ": field 'id' is not a number: " + id, e);
      }
    }
    return new CarrierCompany(code, name == null ? code : name, TopValues.nonEmptyText(node, "reg_mail_no"), numericId);
  }

  private static void checkArguments(String tid, String companyCode, @Nullable List<String> subOids) {
    if (tid.isBlank()) {
      throw new IllegalArgumentException("tid must not be blank");
    }
    if (companyCode.isBlank()) {
      throw new IllegalArgumentException("companyCode must not be blank");
    }
    if (subOids != null) {
      if (subOids.isEmpty() || subOids.size() > MAX_SUB_ORDERS_PER_CALL) {
        throw new IllegalArgumentException(
            "a split shipment names 1-" + MAX_SUB_ORDERS_PER_CALL + " sub-orders, got " + subOids.size());
      }
      if (subOids.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException("a split shipment's sub-order ids must not be blank: " + subOids);
      }
    }
  }

  private static ChannelException failure(ErrorCode code, Kind kind, String message, @Nullable Throwable cause) {
    return new ChannelException(code, kind, code.code() + " " + message, null, cause);
  }
}
