package com.tmallbridge.erp.tryton;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.erp.CustomerSink;
import com.tmallbridge.erp.DeliveryBooking;
import com.tmallbridge.erp.DeliveryFeed;
import com.tmallbridge.erp.DeliveryHold;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.DeliveryPage;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.ReturnSink;
import com.tmallbridge.erp.SalesOrderAmendment;
import com.tmallbridge.erp.SalesOrderLineCancellation;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.erp.VoucherSink;
import com.tmallbridge.core.Voucher;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import java.util.function.Consumer;

/**
 * The Tryton 6.0 connector ({@code docs/connectors/tryton.md}): materials, customers, sales orders,
 * stock, deliveries and after-sale (holds, line cancellations, returns, amendments, parcel
 * bookings) over Tryton's JSON-RPC API. Thin: each capability delegates to one class
 * of this package. Never retries or sleeps; failures are {@link ConnectorException}s marked
 * retryable or permanent. Thread-safe.
 */
public final class TrytonConnector
    implements ErpConnector, MaterialCatalog, CustomerSink, SalesOrderSink, SalesOrderQuery, StockLedger, DeliveryFeed,
        DeliveryBooking, DeliveryHold, SalesOrderLineCancellation, ReturnSink, SalesOrderAmendment, VoucherSink {
  private final TrytonClient client;
  private final TrytonCatalog catalog;
  private final TrytonCustomers customers;
  private final TrytonSales sales;
  private final TrytonStock stock;
  private final TrytonDeliveries deliveries;
  private final TrytonHolds holds;
  private final TrytonBookings bookings;
  private final TrytonLineCancellations cancellations;
  private final TrytonReturns returns;
  private final TrytonAmendments amendments;
  private final TrytonVouchers vouchers;

  TrytonConnector(TrytonClient client, TrytonProperties properties) {
    TrytonLocations locations = new TrytonLocations(client, properties);
    this.client = client;
    this.catalog = new TrytonCatalog(client, locations, properties);
    this.customers = new TrytonCustomers(client, properties.customerParty());
    this.sales = new TrytonSales(client, catalog, customers, properties);
    this.stock = new TrytonStock(client, catalog, locations, properties);
    this.deliveries = new TrytonDeliveries(client, catalog, locations);
    TrytonOrderLines orders = new TrytonOrderLines(client);
    TrytonNotes notes = new TrytonNotes(client);
    this.holds = new TrytonHolds(client, orders, notes);
    this.bookings = new TrytonBookings(client, orders, notes, holds, locations, deliveries);
    this.cancellations = new TrytonLineCancellations(orders, notes);
    this.returns = new TrytonReturns(client, orders, notes);
    this.amendments = new TrytonAmendments(client, orders, sales, notes);
    this.vouchers = new TrytonVouchers(client, properties, customers);
  }

  @Override
  public String id() {
    return "tryton";
  }

  @Override
  public String displayName() {
    return "Tryton";
  }

  /** Logs in when needed and counts the sales this connector created: one cheap call. */
  @Override
  public Health check() {
    try {
      long count = client.call("sale.sale", "search_count",
          List.of(List.of(List.of("reference", "like", TrytonMapper.REFERENCE_PREFIX + "%")))).asLong();
      return new Health(true, "Tryton answers; company " + client.company() + ", " + count + " sales from the bridge");
    } catch (ConnectorException e) {
      return new Health(false, e.errorCode().code() + " " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  @Override
  public Set<MaterialCode> existing(Collection<MaterialCode> codes) {
    return catalog.existing(codes);
  }

  @Override
  public void upsertMaterial(Material material) {
    catalog.upsert(material);
  }

  @Override
  public List<Material> find(Collection<MaterialCode> codes) {
    return codes.isEmpty() ? List.of() : catalog.find(codes);
  }

  @Override
  public List<Material> materialsAfter(@Nullable MaterialCode after, int limit) {
    return catalog.materialsAfter(after, limit);
  }

  @Override
  public ErpDocNo ensureCustomer(CustomerRecord customer) {
    return customers.ensure(customer);
  }

  @Override
  public ErpDocNo createSalesOrder(SalesOrder order, ErpDocNo customer) {
    return sales.create(order, customer);
  }

  @Override
  public Optional<ErpSalesOrderSummary> findByChannelOrder(String shopCode, ChannelOrderNo orderNo) {
    return sales.find(shopCode, orderNo);
  }

  @Override
  public void forEachChannelOrder(Consumer<ErpSalesOrderSummary> sink) {
    sales.forEach(sink);
  }

  /** Books through an internal shipment; {@code reason} is not kept (Tryton has no field for it there). */
  @Override
  public void book(String warehouse, MaterialCode material, long quantity, String reason, String reference) {
    stock.book(warehouse, material, quantity, reference);
  }

  @Override
  public Map<String, Long> onHand(MaterialCode material) {
    return stock.onHand(material);
  }

  @Override
  public Map<MaterialCode, Map<String, Long>> onHand(Collection<MaterialCode> materials) {
    return stock.onHand(materials);
  }

  @Override
  public List<String> warehouses() {
    return stock.warehouses();
  }

  @Override
  public StockChanges changesAfter(String cursor, int limit) {
    return stock.changesAfter(cursor, limit);
  }

  @Override
  public Map<MaterialCode, Map<String, Long>> deliveredBetween(Instant from, Instant to) {
    return stock.deliveredBetween(from, to);
  }

  @Override
  public DeliveryPage deliveriesAfter(String cursor, int limit) {
    return deliveries.after(cursor, limit);
  }

  @Override
  public ErpDelivery bookDelivery(ErpDocNo salesOrderNo, String warehouse, Map<String, Long> unitsByExternalLineId,
      @Nullable String carrier, @Nullable String trackingNo, String reference) {
    return bookings.book(salesOrderNo, warehouse, unitsByExternalLineId, carrier, trackingNo, reference);
  }

  @Override
  public void hold(ErpDocNo salesOrderNo, String holdKey, String reason) {
    holds.hold(salesOrderNo, holdKey, reason);
  }

  @Override
  public boolean release(ErpDocNo salesOrderNo, String holdKey) {
    return holds.release(salesOrderNo, holdKey);
  }

  @Override
  public boolean isHeld(ErpDocNo salesOrderNo) {
    return holds.isHeld(salesOrderNo);
  }

  @Override
  public SalesOrderLineCancellation.Result cancelOpenUnits(ErpDocNo salesOrderNo, Collection<String> subOrderIds, String reference) {
    return cancellations.cancelOpenUnits(salesOrderNo, subOrderIds, reference);
  }

  @Override
  public long deliveredUnits(ErpDocNo salesOrderNo, Collection<String> subOrderIds) {
    return cancellations.deliveredUnits(salesOrderNo, subOrderIds);
  }

  @Override
  public ErpDocNo createReturn(ErpDocNo salesOrderNo, Map<String, Long> unitsBySubOrder, String reference, String reason) {
    return returns.create(salesOrderNo, unitsBySubOrder, reference, reason);
  }

  @Override
  public long receiveReturn(ErpDocNo returnNo) {
    return returns.receive(returnNo);
  }

  @Override
  public SalesOrderAmendment.Result cancel(ErpDocNo salesOrderNo, String reason) {
    return amendments.cancel(salesOrderNo, reason);
  }

  @Override
  public SalesOrderAmendment.Result updateReceiver(ErpDocNo salesOrderNo, Receiver receiver) {
    return amendments.updateReceiver(salesOrderNo, receiver);
  }

  @Override
  public SalesOrderAmendment.Result updateMemo(ErpDocNo salesOrderNo, @Nullable String buyerMessage, @Nullable String sellerMemo,
      int sellerFlag) {
    return amendments.updateMemo(salesOrderNo, buyerMessage, sellerMemo, sellerFlag);
  }

  @Override
  public Optional<Particulars> particulars(ErpDocNo salesOrderNo) {
    return amendments.particulars(salesOrderNo);
  }

  @Override
  public ErpDocNo postVoucher(Voucher voucher) {
    return vouchers.post(voucher);
  }

  @Override
  public Optional<ErpDocNo> findVoucher(String key) {
    return vouchers.find(key);
  }

  /** The entries of a posted voucher (account move) as Tryton holds them, for checks and tests. */
  List<com.tmallbridge.core.VoucherEntry> voucherEntries(ErpDocNo number) {
    return vouchers.entries(number);
  }
}
