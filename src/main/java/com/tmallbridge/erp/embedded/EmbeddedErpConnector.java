package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.CustomerRecord;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.CustomerSink;
import com.tmallbridge.erp.DeliveryBooking;
import com.tmallbridge.erp.DeliveryFeed;
import com.tmallbridge.erp.DeliveryHold;
import com.tmallbridge.erp.DeliveryPage;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.embedded.operations.Shipment;
import com.tmallbridge.erp.embedded.operations.OpenLine;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.ReturnSink;
import com.tmallbridge.erp.SalesOrderLineCancellation;
import com.tmallbridge.erp.SalesOrderAmendment;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.SalesOrderSink;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.erp.VoucherSink;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.erp.embedded.StockRepository.StockMove;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import com.tmallbridge.secret.FieldCipher;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in ERP (id {@code embedded}): the bridge's default connector, on its own
 * {@code erp_*} tables in the bridge's database. Its writes join the caller's Spring transaction
 * when there is one, so an outbox handler that creates an order commits it together with the
 * message's completion: exactly once. Without a caller transaction each write commits on its own.
 * Database failures become {@link ConnectorException}s (see {@link SqlFailureClassifier}).
 */
@Component
class EmbeddedErpConnector
    implements ErpConnector, MaterialCatalog, CustomerSink, SalesOrderSink, SalesOrderQuery, StockLedger, DeliveryFeed,
        DeliveryHold, SalesOrderLineCancellation, ReturnSink,
        SalesOrderAmendment, DeliveryBooking, VoucherSink {
  static final String ID = "embedded";

  private final Clock clock;
  private final MaterialRepository materials;
  private final SalesOrderRepository orders;
  private final StockRepository stock;
  private final CustomerCreator customerCreator;
  private final SalesOrderCreator orderCreator;
  private final StockBookkeeper bookkeeper;
  private final HealthProbe health;
  private final TransactionTemplate transaction;
  private final DeliveryRepository deliveries;
  private final EmbeddedBackOffice backOffice;
  private final AfterSaleBooker afterSale;
  private final SalesOrderAmender amender;
  private final GeneralLedger ledger;

  EmbeddedErpConnector(DataSource dataSource, PlatformTransactionManager transactions, Clock clock, EmbeddedErpProperties properties,
      FieldCipher cipher) {
    NamedParameterJdbcTemplate template = new NamedParameterJdbcTemplate(dataSource);
    JdbcClient jdbc = JdbcClient.create(template);
    CustomerRepository customers = new CustomerRepository(template, cipher);
    DocumentNumbers numbers = new DocumentNumbers(jdbc, clock, properties.zone());
    this.clock = clock;
    this.materials = new MaterialRepository(jdbc);
    this.orders = new SalesOrderRepository(template, cipher);
    this.stock = new StockRepository(jdbc);
    this.health = new HealthProbe(jdbc);
    this.transaction = new TransactionTemplate(transactions);
    this.customerCreator = new CustomerCreator(customers, numbers, clock);
    SaleableMaterials saleable = new SaleableMaterials(materials, clock, properties.materialCacheTtl());
    this.orderCreator = new SalesOrderCreator(orders, saleable, customers, numbers, transaction, clock);
    this.bookkeeper = new StockBookkeeper(stock, materials, clock, transaction);
    this.deliveries = new DeliveryRepository(jdbc);
    DeliveryBooker booker = new DeliveryBooker(deliveries, stock, bookkeeper, numbers, transaction, clock);
    AfterSaleRepository afterSaleRecords = new AfterSaleRepository(jdbc);
    this.ledger = new GeneralLedger(jdbc, transaction, clock);
    this.backOffice = new EmbeddedBackOffice(stock, bookkeeper, deliveries, booker, transaction, orders, afterSaleRecords, ledger);
    this.afterSale = new AfterSaleBooker(afterSaleRecords, deliveries, bookkeeper, transaction, clock);
    this.amender = new SalesOrderAmender(jdbc, deliveries, transaction, cipher);
  }

  @Override
  public ErpDelivery bookDelivery(ErpDocNo salesOrderNo, String warehouse, Map<String, Long> unitsByExternalLineId,
      @Nullable String carrier, @Nullable String trackingNo, String reference) {
    Map<Integer, Long> byLineNo = new java.util.LinkedHashMap<>();
    if (!unitsByExternalLineId.isEmpty()) {
      for (OpenLine line : operations().openLines(salesOrderNo)) {
        Long units = unitsByExternalLineId.get(line.externalLineId());
        if (units != null) {
          byLineNo.put(line.lineNo(), units);
        }
      }
      if (byLineNo.isEmpty()) {
        throw new ConnectorException(EmbeddedErrorCode.DELIVERY_REJECTED, false, "sales order " + salesOrderNo
            + " has no line with external id " + unitsByExternalLineId.keySet());
      }
    }
    return operations().ship(new Shipment(salesOrderNo, warehouse, carrier, trackingNo, reference, byLineNo));
  }

  /** The warehouse and back-office operations on this ERP's tables (exposed as a bean by the configuration). */
  EmbeddedErpOperations operations() {
    return backOffice;
  }

  @Override
  public String id() {
    return ID;
  }

  /** Its tables live in the bridge's database: every write joins the caller's transaction. */
  @Override
  public Locality locality() {
    return Locality.LOCAL;
  }

  @Override
  public String displayName() {
    return "Built-in ERP";
  }

  @Override
  public Health check() {
    try {
      return new Health(true, "built-in ERP: " + health.describe());
    } catch (RuntimeException e) {
      RuntimeException failure = SqlFailureClassifier.translate("health check", e);
      String code = failure instanceof ConnectorException c ? c.errorCode().code() + " " : "";
      return new Health(false, ("built-in ERP does not answer: " + code + failure.getMessage()).replaceAll("\\s+", " "));
    }
  }

  @Override
  public Set<MaterialCode> existing(Collection<MaterialCode> codes) {
    return guard("look up materials", () -> codes.isEmpty() ? Set.of() : materials.activeAmong(Set.copyOf(codes)));
  }

  @Override
  public void upsertMaterial(Material material) {
    guard("upsert material " + material.code(), () -> {
      materials.upsert(material, clock.instant());
      return null;
    });
  }

  @Override
  public List<Material> find(Collection<MaterialCode> codes) {
    return guard("read materials", () -> codes.isEmpty() ? List.of() : materials.activeWithCodes(Set.copyOf(codes)));
  }

  @Override
  public List<Material> materialsAfter(@Nullable MaterialCode after, int limit) {
    return guard("list materials", () -> materials.activeAfter(after, limit));
  }

  @Override
  public ErpDocNo ensureCustomer(CustomerRecord customer) {
    return guard("ensure customer " + customer.externalKey(), () -> customerCreator.ensure(customer));
  }

  @Override
  public ErpDocNo createSalesOrder(SalesOrder order, ErpDocNo customer) {
    return guard("create sales order " + order.shopCode() + "/" + order.orderNo(), () -> orderCreator.create(order, customer));
  }

  /** One query for the known buyers, one JDBC batch for the new ones. */
  @Override
  public Map<String, ErpDocNo> ensureCustomers(Collection<CustomerRecord> customers) {
    return guard("ensure " + customers.size() + " customers", () -> customerCreator.ensureAll(customers));
  }

  /** All checks first, then one JDBC batch of headers and one of lines, all or nothing (see {@link SalesOrderCreator#createAll}). */
  @Override
  public List<ErpDocNo> createSalesOrders(List<SalesOrderSink.Request> requests) {
    return guard("create " + requests.size() + " sales orders", () -> orderCreator.createAll(requests));
  }

  @Override
  public Optional<ErpSalesOrderSummary> findByChannelOrder(String shopCode, ChannelOrderNo orderNo) {
    return guard("find sales order " + shopCode + "/" + orderNo, () -> orders.findSummary(shopCode, orderNo));
  }

  /** One query per 1000 numbers instead of one per number. */
  @Override
  public Map<ChannelOrderNo, ErpSalesOrderSummary> findByChannelOrders(String shopCode, Collection<ChannelOrderNo> orderNos) {
    return guard("find " + orderNos.size() + " sales orders of " + shopCode, () -> orders.findSummaries(shopCode, orderNos));
  }

  @Override
  public void forEachChannelOrder(Consumer<ErpSalesOrderSummary> sink) {
    guard("read sales orders", () -> transaction.execute(status -> {
      orders.forEachSummary(sink);
      return null;
    }));
  }

  @Override
  public void book(String warehouse, MaterialCode material, long quantity, String reason, String reference) {
    guard("book stock move " + reference, () -> bookkeeper.book(new StockMove(warehouse, material, quantity, reason, reference)));
  }

  @Override
  public Map<String, Long> onHand(MaterialCode material) {
    return guard("read on-hand of " + material, () -> stock.onHand(material));
  }

  @Override
  public Map<MaterialCode, Map<String, Long>> onHand(Collection<MaterialCode> materials) {
    if (materials.isEmpty()) {
      return Map.of();
    }
    return guard("read on-hand of " + materials.size() + " materials", () -> stock.onHand(materials));
  }

  @Override
  public List<String> warehouses() {
    return guard("list warehouses", stock::warehouses);
  }

  @Override
  public StockChanges changesAfter(String cursor, int limit) {
    long after = position("stock change", cursor);
    requirePositive(limit);
    StockRepository.Changes changes = guard("read stock changes", () -> stock.changesAfter(after, limit));
    return new StockChanges(changes.materials(), Long.toString(changes.lastId()), changes.more());
  }

  @Override
  public Map<MaterialCode, Map<String, Long>> deliveredBetween(Instant from, Instant to) {
    return guard("read deliveries between " + from + " and " + to, () -> stock.deliveredBetween(from, to));
  }

  /** The cursor is the id of the last delivery read; a page reads one row more to know whether more follow. */
  @Override
  public DeliveryPage deliveriesAfter(String cursor, int limit) {
    long after = position("delivery", cursor);
    requirePositive(limit);
    List<DeliveryRepository.Stored> rows = guard("read deliveries after " + cursor, () -> deliveries.after(after, limit + 1L));
    boolean more = rows.size() > limit;
    List<DeliveryRepository.Stored> page = more ? rows.subList(0, limit) : rows;
    String next = page.isEmpty() ? cursor : Long.toString(page.get(page.size() - 1).id());
    return new DeliveryPage(page.stream().map(DeliveryRepository.Stored::delivery).toList(), next, more);
  }

  @Override
  public void hold(ErpDocNo salesOrderNo, String holdKey, String reason) {
    guard("hold delivery of " + salesOrderNo, () -> {
      afterSale.hold(salesOrderNo, holdKey, reason);
      return null;
    });
  }

  @Override
  public boolean release(ErpDocNo salesOrderNo, String holdKey) {
    return guard("release hold " + holdKey + " of " + salesOrderNo, () -> afterSale.release(salesOrderNo, holdKey));
  }

  @Override
  public boolean isHeld(ErpDocNo salesOrderNo) {
    return guard("read holds of " + salesOrderNo, () -> deliveries.isHeld(salesOrderNo));
  }

  @Override
  public long deliveredUnits(ErpDocNo salesOrderNo, Collection<String> subOrderIds) {
    return guard("read delivered units of " + salesOrderNo, () -> afterSale.deliveredUnits(salesOrderNo, subOrderIds));
  }

  @Override
  public SalesOrderLineCancellation.Result cancelOpenUnits(ErpDocNo salesOrderNo, Collection<String> subOrderIds, String reference) {
    return guard("cancel lines of " + salesOrderNo + " (" + reference + ")", () -> afterSale.cancelOpenUnits(salesOrderNo, subOrderIds, reference));
  }

  @Override
  public ErpDocNo createReturn(ErpDocNo salesOrderNo, Map<String, Long> unitsBySubOrder, String reference, String reason) {
    return guard("create return " + reference + " of " + salesOrderNo, () -> afterSale.createReturn(salesOrderNo, unitsBySubOrder, reference, reason));
  }

  @Override
  public long receiveReturn(ErpDocNo returnNo) {
    return guard("receive return " + returnNo, () -> afterSale.receiveReturn(returnNo));
  }

  @Override
  public SalesOrderAmendment.Result cancel(ErpDocNo salesOrderNo, String reason) {
    return guard("cancel " + salesOrderNo, () -> amender.cancel(salesOrderNo, reason));
  }

  @Override
  public SalesOrderAmendment.Result updateReceiver(ErpDocNo salesOrderNo, Receiver receiver) {
    return guard("update the receiver of " + salesOrderNo, () -> amender.updateReceiver(salesOrderNo, receiver));
  }

  @Override
  public SalesOrderAmendment.Result updateMemo(ErpDocNo salesOrderNo, @Nullable String buyerMessage, @Nullable String sellerMemo, int sellerFlag) {
    return guard("update the notes of " + salesOrderNo, () -> amender.updateMemo(salesOrderNo, buyerMessage, sellerMemo, sellerFlag));
  }

  @Override
  public Optional<Particulars> particulars(ErpDocNo salesOrderNo) {
    return guard("read " + salesOrderNo, () -> amender.particulars(salesOrderNo));
  }

  @Override
  public ErpDocNo postVoucher(Voucher voucher) {
    return guard("post voucher " + voucher.key(), () -> ledger.post(voucher));
  }

  @Override
  public Optional<ErpDocNo> findVoucher(String key) {
    return guard("find voucher " + key, () -> ledger.find(key));
  }

  private static long position(String feed, String cursor) {
    try {
      long value = cursor.isEmpty() ? 0 : Long.parseLong(cursor);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConnectorException(EmbeddedErrorCode.INVALID_CURSOR, false,
        feed + " cursor '" + cursor + "' is not a position this ERP handed out");
  }

  private static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }

  private static <T> T guard(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw SqlFailureClassifier.translate(action, e);
    }
  }
}
