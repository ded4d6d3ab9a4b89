package com.tmallbridge.fulfilment;

import com.tmallbridge.channel.CarrierCompany;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ShipmentPublisher;
import com.tmallbridge.shop.Shop;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maps ERP carriers to the channel's companies per shop. The shop's company list is fetched from
 * the channel ({@link ShipmentPublisher#companies}) when first needed, and again when an unmapped
 * carrier meets a list older than {@code bridge.fulfilment.companies-max-age}. An unmapped
 * carrier is seeded by exact code (ignoring case) or exact name. Cache and seeds commit in their
 * own transaction, so a shipment that fails afterwards does not make the next one fetch again.
 */
@Component
class CarrierBook {
  private final CarrierRepository carriers;
  private final ObjectProvider<ShipmentPublisher> publisher;
  private final FulfilmentProperties properties;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  CarrierBook(CarrierRepository carriers, ObjectProvider<ShipmentPublisher> publisher, FulfilmentProperties properties,
      PlatformTransactionManager transactions, Clock clock) {
    this.carriers = carriers;
    this.publisher = publisher;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * The company for an ERP carrier: its mapping, else the company whose code or name it equals
   * (then remembered as a {@code SEEDED} mapping). Empty when neither exists.
   *
   * @throws ChannelException when the company list must be fetched and the channel fails
   */
  Optional<CarrierCompany> resolve(Shop shop, String erpCarrier) {
    Optional<String> mapped = carriers.mapping(shop.id(), erpCarrier);
    if (mapped.isPresent()) {
      return Optional.of(company(shop, mapped.get()));
    }
    Optional<CarrierCompany> match = match(companies(shop, true), erpCarrier);
    match.ifPresent(c -> ownTransaction.executeWithoutResult(s ->
        carriers.map(shop.id(), erpCarrier, c.code(), CarrierRepository.SEEDED, clock.instant())));
    return match;
  }

  /** The shop's company with this code; one without a pattern when the shop's list does not hold it. */
  CarrierCompany company(Shop shop, String code) {
    return companies(shop, false).stream().filter(c -> c.code().equals(code)).findFirst()
        .orElseGet(() -> new CarrierCompany(code, code, null, null));
  }

  /** Whether the shop's company list (fetched if never) holds {@code code}. */
  boolean knows(Shop shop, String code) {
    return companies(shop, false).stream().anyMatch(c -> c.code().equals(code));
  }

  /** Fetches the shop's company list from the channel now and caches it; returns it. */
  List<CarrierCompany> refresh(Shop shop) {
    ShipmentPublisher target = publisher.getIfAvailable();
    if (target == null) {
      throw new IllegalStateException("no ShipmentPublisher is configured for the channel");
    }
    List<CarrierCompany> fetched = target.companies(shop.credentials());
    ownTransaction.executeWithoutResult(s -> carriers.replaceCompanies(shop.id(), fetched, clock.instant()));
    return carriers.companies(shop.id());
  }

  /**
   * The shop's cached company list, fetched first when there is none (or, with {@code
   * refreshIfStale}, when it is older than the maximum age). One fetch at a time: write-backs
   * delivered side by side that all find the list missing fetch it once, not once each, and do not
   * replace it under one another.
   */
  List<CarrierCompany> companies(Shop shop, boolean refreshIfStale) {
    if (needsFetch(shop, refreshIfStale)) {
      synchronized (this) {
        if (needsFetch(shop, refreshIfStale)) {
          return refresh(shop);
        }
      }
    }
    return carriers.companies(shop.id());
  }

  private boolean needsFetch(Shop shop, boolean refreshIfStale) {
    Optional<Instant> fetchedAt = carriers.companiesFetchedAt(shop.id());
    return fetchedAt.isEmpty() || refreshIfStale && fetchedAt.get().plus(properties.companiesMaxAge()).isBefore(clock.instant());
  }

  static Optional<CarrierCompany> match(List<CarrierCompany> companies, String erpCarrier) {
    String wanted = erpCarrier.strip();
    Optional<CarrierCompany> byCode = companies.stream()
        .filter(c -> c.code().toUpperCase(Locale.ROOT).equals(wanted.toUpperCase(Locale.ROOT))).findFirst();
    return byCode.isPresent() ? byCode : companies.stream().filter(c -> c.name().strip().equals(wanted)).findFirst();
  }
}
