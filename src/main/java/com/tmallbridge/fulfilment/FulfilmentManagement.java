package com.tmallbridge.fulfilment;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.channel.CarrierCompany;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Façade of the fulfilment flow for the CLI, the demo and (later) the console. */
@Service
public class FulfilmentManagement {
  private final ShipmentRepository shipments;
  private final CarrierRepository carrierRows;
  private final CarrierBook carriers;
  private final ShipmentRetrier retrier;
  private final ShopManagement shops;
  private final AuditLog audit;
  private final Clock clock;

  FulfilmentManagement(ShipmentRepository shipments, CarrierRepository carrierRows, CarrierBook carriers, ShipmentRetrier retrier,
      ShopManagement shops, AuditLog audit, Clock clock) {
    this.audit = audit;
    this.shipments = shipments;
    this.carrierRows = carrierRows;
    this.carriers = carriers;
    this.retrier = retrier;
    this.shops = shops;
    this.clock = clock;
  }

  /**
   * Shipments, oldest first.
   *
   * @param shopCode only this shop, when not null
   * @param state only this state, when not null
   * @param tid only this trade, when not null
   * @throws IllegalArgumentException for an unknown shop code
   */
  public List<ShipmentView> shipments(@Nullable String shopCode, @Nullable ShipmentState state, @Nullable String tid, int limit) {
    return shipments.list(shopCode == null ? null : shop(shopCode).id(), state, tid, limit);
  }

  /**
   * Shipments of the given shops, newest first (the console's list).
   *
   * @param state only this state, when not null
   * @param tidPrefix only trades whose id starts with this, when not null or blank
   */
  public List<ShipmentView> recentShipments(java.util.Collection<com.tmallbridge.core.ShopId> shopIds, @Nullable ShipmentState state,
      @Nullable String tidPrefix, int limit) {
    return shipments.recent(shopIds, state, tidPrefix, limit);
  }

  /**
   * One page of shipments, newest first, for the console and the API.
   *
   * @param shops only these shops (a user's scope), all when null
   * @param state only this state, when not null
   * @param tid only this trade, when not null
   * @throws IllegalArgumentException when offset is negative or limit below 1
   */
  public List<ShipmentView> shipments(java.util.@Nullable Collection<ShopId> shops, @Nullable ShipmentState state, @Nullable String tid,
      int offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be at least 0 and limit at least 1, got " + offset + " and " + limit);
    }
    return shipments.list(shops, state, tid, true, offset, limit);
  }

  public Optional<ShipmentView> shipment(long id) {
    return shipments.view(id);
  }

  /** Retries one FAILED shipment; see {@link ShipmentRetrier#retry}. */
  public String retry(long id, @Nullable String trackingNo, @Nullable String companyCode) {
    return retrier.retry(id, trackingNo, companyCode);
  }

  /** Retries every FAILED shipment as it is; returns one line per shipment. */
  public List<String> retryAllFailed() {
    List<String> outcomes = new ArrayList<>();
    for (long id : shipments.failedIds()) {
      try {
        outcomes.add(retrier.retry(id, null, null));
      } catch (RuntimeException e) {
        outcomes.add("shipment " + id + ": " + e.getMessage());
      }
    }
    return outcomes;
  }

  /** The carrier mappings, of one shop or (null) of every shop. */
  public List<CarrierMapping> carriers(@Nullable String shopCode) {
    return carrierRows.mappings(shopCode == null ? null : shop(shopCode).id());
  }

  /** The companies Tmall accepts for a shop (fetched from the channel when not cached; {@code refresh} forces it). */
  public List<CarrierCompany> companies(String shopCode, boolean refresh) {
    Shop shop = shop(shopCode);
    return refresh ? carriers.refresh(shop) : carriers.companies(shop, false);
  }

  /**
   * Maps an ERP carrier to a Tmall company for one shop or (null) every shop, then retries the
   * shipments held because that carrier was unmapped. Each shop's change is recorded in the audit
   * log as {@code MAPPING_CHANGE} ({@code carrier:<shop>/<erp carrier>}) with the company code before and after.
   *
   * @return the lines of the retried shipments
   * @throws IllegalArgumentException for a blank carrier, an unknown shop or a company the shop's list does not hold
   */
  @Transactional
  public List<String> setCarrier(@Nullable String shopCode, String erpCarrier, String companyCode) {
    if (erpCarrier.isBlank() || companyCode.isBlank()) {
      throw new IllegalArgumentException("--erp and --tmall must not be blank");
    }
    List<Shop> targets = shopCode == null ? shops.list() : List.of(shop(shopCode));
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no shop is configured (see 'bridge shop add')");
    }
    for (Shop shop : targets) {
      if (!carriers.knows(shop, companyCode)) {
        throw new IllegalArgumentException("'" + companyCode + "' is not a Tmall company code of shop " + shop.code()
            + " (see 'bridge shipments carriers list --companies --shop " + shop.code() + "')");
      }
    }
    List<String> retried = new ArrayList<>();
    for (Shop shop : targets) {
      String before = carrierRows.mappings(shop.id()).stream().filter(m -> m.erpCarrier().equals(erpCarrier.strip())).findFirst()
          .map(CarrierMapping::companyCode).orElse(null);
      carrierRows.map(shop.id(), erpCarrier.strip(), companyCode, CarrierRepository.OPERATOR, clock.instant());
      if (!companyCode.equals(before)) {
        audit.record(AuditEvent.change(AuditAction.MAPPING_CHANGE, "carrier:" + shop.code() + "/" + erpCarrier.strip(), before, companyCode));
      }
      for (long id : shipments.failedWith(shop.id(), erpCarrier.strip(), FulfilmentReason.UNMAPPED_CARRIER.code())) {
        retried.add(retrier.retry(id, null, null));
      }
    }
    return retried;
  }

  /** Counts for reports and checks. */
  public Summary summary() {
    Map<ShipmentState, Long> counts = shipments.countByState();
    long delivered = counts.values().stream().mapToLong(Long::longValue).sum() - counts.getOrDefault(ShipmentState.SKIPPED, 0L);
    long writtenBack = counts.getOrDefault(ShipmentState.SENT, 0L) + counts.getOrDefault(ShipmentState.ALREADY_SHIPPED, 0L);
    return new Summary(delivered, writtenBack, shipments.splitCount(), delivered - writtenBack, counts);
  }

  /**
   * What the flow has done.
   *
   * @param delivered ERP parcels with Tmall sub-orders recorded (gift-only parcels not counted)
   * @param writtenBack of these, the ones Tmall shows shipped (SENT or ALREADY_SHIPPED)
   * @param split of the written-back parcels, those sent as split shipments (by sub-order)
   * @param notWrittenBack parcels PENDING or FAILED: 0 once the outbox is drained and nothing is held
   * @param byState shipments per state
   */
  public record Summary(long delivered, long writtenBack, long split, long notWrittenBack, Map<ShipmentState, Long> byState) {
    public Summary {
      byState = Map.copyOf(byState);
    }
  }

  private Shop shop(String code) {
    return shops.findByCode(code)
        .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + code + "' (see 'bridge shop list')"));
  }
}
