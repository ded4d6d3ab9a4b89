package com.tmallbridge.fulfilment;

import com.tmallbridge.channel.CarrierCompany;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ShipResult;
import com.tmallbridge.channel.ShipmentPublisher;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.sync.DeliveryException;
import com.tmallbridge.sync.MessageHandler;
import com.tmallbridge.sync.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code tmall.shipment.send}: resolves the carrier, checks the tracking number against
 * the company's pattern and calls {@link ShipmentPublisher#ship} — for the whole trade, or split by
 * sub-order (in calls of at most {@link ShipmentPublisher#MAX_SUB_ORDERS_PER_CALL}). "Already
 * shipped" counts as success. What an operator must fix is thrown as a permanent failure (the
 * message is blocked and {@link ShipmentBlockedListener} marks the shipment FAILED); transient
 * channel failures are retried by the outbox. Repeat-safe: a shipment no longer PENDING is left alone.
 */
@Component
class ShipmentHandler implements MessageHandler {
  /** The channel's codes for refusals an operator fixes, and what they mean here. */
  private static final Map<String, FulfilmentReason> CHANNEL_REASONS = Map.of(
      "TMALL-040", FulfilmentReason.TRACKING_REFUSED,
      "TMALL-041", FulfilmentReason.COMPANY_REFUSED,
      "TMALL-042", FulfilmentReason.TRADE_STATE,
      "TMALL-043", FulfilmentReason.TRADE_STATE);

  private final ShipmentRepository shipments;
  private final CarrierBook carriers;
  private final ShopManagement shops;
  private final ObjectProvider<ShipmentPublisher> publisher;
  private final JsonMapper json;
  private final Clock clock;

  ShipmentHandler(ShipmentRepository shipments, CarrierBook carriers, ShopManagement shops, ObjectProvider<ShipmentPublisher> publisher,
      JsonMapper json, Clock clock) {
    this.shipments = shipments;
    this.carriers = carriers;
    this.shops = shops;
    this.publisher = publisher;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String messageType() {
    return ShipmentMessages.SHIP;
  }

  /** Each call goes to Tmall (with retries): one message per transaction. */
  @Override
  public boolean groupable() {
    return false;
  }

  /**
   * Tmall commits the shipment on its own, so no database transaction or connection is held while
   * the call and its retries run, and the dispatcher may deliver other write-backs meanwhile. The
   * row update after a successful call commits on its own; a crash before the message is marked
   * done delivers it again, and Tmall's "already shipped" answer makes that repeat harmless.
   */
  @Override
  public boolean remote() {
    return true;
  }

  static String payload(long shipmentId) {
    return "{\"shipmentId\":" + shipmentId + "}";
  }

  @Override
  public void handle(OutboxMessage message) {
    long id = json.readTree(message.payload()).get("shipmentId").asLong();
    Optional<ShipmentRepository.Row> found = shipments.find(id);
    if (found.isEmpty() || found.get().state() != ShipmentState.PENDING) {
      return;
    }
    ShipmentRepository.Row s = found.get();
    Shop shop = shops.find(s.shop()).orElseThrow(() -> hold(FulfilmentReason.CHANNEL_UNAVAILABLE, "shop " + s.shop() + " no longer exists"));
    Instant now = clock.instant();
    if (!shop.callableAt(now)) {
      String why = "shop " + shop.code() + " is " + shop.status() + ": shipments wait";
      Instant callable = shop.callableAgainAt(now);
      throw callable == null ? retry(why, null)
          : DeliveryException.waitUntil(FulfilmentReason.CHANNEL_UNAVAILABLE.code(), why + " until " + callable, callable);
    }
    ShipmentPublisher target = publisher.getIfAvailable();
    if (target == null) {
      throw retry("no ShipmentPublisher is configured for the channel", null);
    }
    String what = "trade " + s.tid() + (s.wholeTrade() ? "" : " sub-orders " + String.join(",", s.oids()));
    try {
      CarrierCompany company = company(shop, s, what);
      ShipResult.Outcome outcome = ship(target, shop, s, company);
      ShipmentState state = outcome == ShipResult.Outcome.SHIPPED ? ShipmentState.SENT : ShipmentState.ALREADY_SHIPPED;
      String detail = (state == ShipmentState.SENT ? "shipped with " : "already shipped on Tmall; sent ") + company.code() + " "
          + s.trackingNo().strip();
      shipments.sent(id, state, company.code(), detail, clock.instant());
    } catch (ChannelException e) {
      if (e.kind() == ChannelException.Kind.PERMANENT) {
        FulfilmentReason reason = CHANNEL_REASONS.getOrDefault(e.errorCode().code(), FulfilmentReason.CHANNEL_REFUSED);
        throw hold(reason, what + ": " + e.getMessage());
      }
      throw retry(what + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw hold(FulfilmentReason.CHANNEL_REFUSED, what + ": " + e.getMessage());
    }
  }

  private CarrierCompany company(Shop shop, ShipmentRepository.Row s, String what) {
    if (s.trackingNo() == null || s.trackingNo().isBlank() || s.companyCode() == null && s.erpCarrier() == null) {
      throw hold(FulfilmentReason.NO_TRACKING_NUMBER, what + ": the delivery has carrier " + s.erpCarrier() + " and tracking number "
          + s.trackingNo());
    }
    CarrierCompany company;
    if (s.companyCode() != null) {
      company = carriers.company(shop, s.companyCode());
    } else {
      company = carriers.resolve(shop, s.erpCarrier()).orElseThrow(() -> hold(FulfilmentReason.UNMAPPED_CARRIER,
          what + ": ERP carrier '" + s.erpCarrier() + "' maps to no Tmall company of shop " + shop.code()));
    }
    if (!company.accepts(s.trackingNo().strip())) {
      throw hold(FulfilmentReason.TRACKING_MISMATCH, what + ": tracking number '" + s.trackingNo() + "' does not match "
          + company.code() + "'s pattern " + company.trackingNoPattern());
    }
    return company;
  }

  private static ShipResult.Outcome ship(ShipmentPublisher target, Shop shop, ShipmentRepository.Row s, CarrierCompany company) {
    String tracking = s.trackingNo().strip();
    if (s.wholeTrade()) {
      return target.ship(shop.credentials(), s.tid(), company.code(), tracking, null).outcome();
    }
    List<ShipResult.Outcome> outcomes = new ArrayList<>();
    for (int from = 0; from < s.oids().size(); from += ShipmentPublisher.MAX_SUB_ORDERS_PER_CALL) {
      List<String> chunk = s.oids().subList(from, Math.min(s.oids().size(), from + ShipmentPublisher.MAX_SUB_ORDERS_PER_CALL));
      outcomes.add(target.ship(shop.credentials(), s.tid(), company.code(), tracking, List.copyOf(chunk)).outcome());
    }
    return outcomes.contains(ShipResult.Outcome.SHIPPED) ? ShipResult.Outcome.SHIPPED : ShipResult.Outcome.ALREADY_SHIPPED;
  }

  private static DeliveryException hold(FulfilmentReason reason, String message) {
    return new DeliveryException(reason.code(), false, message, null);
  }

  private static DeliveryException retry(String message, @Nullable Throwable cause) {
    return new DeliveryException(FulfilmentReason.CHANNEL_UNAVAILABLE.code(), true, message, cause);
  }
}
