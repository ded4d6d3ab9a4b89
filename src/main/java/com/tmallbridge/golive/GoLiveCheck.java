package com.tmallbridge.golive;

import com.tmallbridge.aftersale.RefundSync;
import com.tmallbridge.core.BridgeException;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.Money;
import com.tmallbridge.erp.DeliveryBooking;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpDelivery;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.ReturnSink;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.fulfilment.FulfilmentSync;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.OrderSync;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.RefundKind;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxParcel;
import com.tmallbridge.sandbox.tmall.SandboxRefund;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The go-live check (对接流程测试): a scripted scenario that proves a configured ERP connection
 * before a real shop is switched on. Through a sandbox shop registered under a code of its own, it
 * logs in to the ERP, checks the test material, books stock in, lets one paid Tmall trade flow into
 * an ERP sales order (the real order path: pull, review, mapping, customer, sales order), ships it
 * in the ERP, lets the bridge write the tracking number back to Tmall, and returns it (the buyer's
 * return received back on stock). Each step reads the systems at both ends — the sandbox and the
 * ERP — and reports PASSED, FAILED (with the ERP's own message) or SKIPPED (the connector lacks the
 * capability, or an earlier step failed). What it created in the ERP carries the shop code and a
 * run reference and is listed in the report, for the integrator to remove or keep.
 */
@Service
public class GoLiveCheck {
  /** The material created when none is named: a code no real catalogue uses. */
  public static final String DEFAULT_MATERIAL = "GOLIVE-TEST";
  private static final long OPENING_STOCK = 10;
  /** How long the return step waits for the ERP to book the return (the after-sale flow books a case after the pull has read past it). */
  private static final Duration RETURN_WAIT = Duration.ofSeconds(30);
  private static final long PAUSE_MILLIS = 250;

  private final ErpRegistry erp;
  private final ShopManagement shops;
  private final ProductManagement products;
  private final OrderSync orders;
  private final OrderManagement orderManagement;
  private final FulfilmentSync fulfilment;
  private final RefundSync refunds;
  private final Clock clock;

  GoLiveCheck(ErpRegistry erp, ShopManagement shops, ProductManagement products, OrderSync orders, OrderManagement orderManagement,
      FulfilmentSync fulfilment, RefundSync refunds, Clock clock) {
    this.erp = erp;
    this.shops = shops;
    this.products = products;
    this.orders = orders;
    this.orderManagement = orderManagement;
    this.fulfilment = fulfilment;
    this.refunds = refunds;
    this.clock = clock;
  }

  /**
   * Runs the scenario against the active ERP connector and a started sandbox whose catalogue has
   * one item without SKUs and whose trades are paid (see {@link GoLiveSandbox}).
   */
  public GoLiveReport run(TmallSandbox sandbox, GoLiveOptions options, Consumer<GoLiveStep> progress) throws InterruptedException {
    Run run = new Run(sandbox, options, progress);
    run.execute();
    return new GoLiveReport(erp.active().id(), options.shopCode(), run.reference, run.steps, run.created);
  }

  /** One run: its steps so far and what it created. */
  private final class Run {
    private final TmallSandbox sandbox;
    private final GoLiveOptions options;
    private final Consumer<GoLiveStep> progress;
    private final String reference;
    private final List<GoLiveStep> steps = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private final ErpConnector connector;
    private @Nullable MaterialCode material;
    private @Nullable String warehouse;
    private @Nullable SandboxTrade trade;
    private @Nullable ErpDocNo salesOrder;
    private @Nullable String trackingNo;
    private long onHandBeforeShipping = -1;

    Run(TmallSandbox sandbox, GoLiveOptions options, Consumer<GoLiveStep> progress) {
      this.sandbox = sandbox;
      this.options = options;
      this.progress = progress;
      this.reference = "golive-" + clock.instant().toEpochMilli();
      this.connector = erp.active();
    }

    void execute() throws InterruptedException {
      boolean ok = step("ERP login", this::login)
          && step("test material", this::findMaterial)
          && step("stock in", this::stockIn)
          && step("order in", this::orderIn);
      boolean shipped = ok && step("ship in ERP", this::ship);
      boolean written = shipped && step("tracking number to Tmall", this::trackingToTmall);
      if (written) {
        step("return received", this::returnReceived);
      }
      skipRemaining();
    }

    private String login() {
      ErpConnector.Health health = connector.check();
      if (!health.ok()) {
        throw new StepFailed(health.detail());
      }
      return connector.displayName() + " (" + connector.id() + "): " + health.detail();
    }

    private String findMaterial() {
      Optional<MaterialCatalog> catalog = capability(MaterialCatalog.class);
      String code = options.material() == null ? DEFAULT_MATERIAL : options.material();
      MaterialCode wanted = new MaterialCode(code);
      SandboxItem item = sandbox.items().get(0);
      String found;
      if (catalog.isEmpty()) {
        found = "the connector cannot list materials; assuming " + code + " exists";
      } else {
        if (options.material() == null) {
          catalog.get().upsertMaterial(new Material(wanted, "TmallBridge go-live test material", "pcs", item.priceFen()));
          created.add("material " + code + " (kept for the next run)");
        }
        List<Material> materials = catalog.get().find(List.of(wanted));
        if (materials.isEmpty()) {
          throw new StepFailed("material " + code + " is not in the ERP: create it there, or pass --material with the code of an "
              + "existing, saleable material");
        }
        found = "material " + code + " '" + materials.get(0).name() + "' at " + Money.formatYuan(materials.get(0).salePriceFen()) + " yuan";
      }
      material = wanted;
      Shop shop = shops.add(new ShopRegistration(options.shopCode(), sandbox.credentials().sellerNick(), sandbox.url(),
          sandbox.credentials().appKey(), sandbox.credentials().appSecret(), sandbox.credentials().sessionKey(), "hmac-sha256",
          clock.instant().minus(Duration.ofHours(2))));
      products.putMapping(shop.id(), Long.toString(item.numIid()), null, code);
      return found + "; sandbox item " + item.numIid() + " mapped to it";
    }

    private String stockIn() {
      Optional<StockLedger> ledger = capability(StockLedger.class);
      if (ledger.isEmpty()) {
        warehouse = options.warehouse();
        return "the connector has no StockLedger: assuming the ERP holds stock of " + material + " to ship";
      }
      List<String> warehouses = ledger.get().warehouses();
      warehouse = options.warehouse() != null ? options.warehouse() : warehouses.isEmpty() ? null : warehouses.get(0);
      if (warehouse == null || !warehouses.contains(warehouse)) {
        throw new StepFailed("warehouse " + warehouse + " is not one of the ERP's warehouses " + warehouses + ": pass --warehouse");
      }
      ledger.get().book(warehouse, material(), OPENING_STOCK, "RECEIPT", reference + "-in");
      created.add("stock receipt " + reference + "-in (" + OPENING_STOCK + " x " + material + " into " + warehouse + ")");
      long onHand = ledger.get().onHand(material()).getOrDefault(warehouse, 0L);
      return OPENING_STOCK + " units received into " + warehouse + "; on hand now " + onHand;
    }

    private String orderIn() throws InterruptedException {
      Instant now = clock.instant();
      if (sandbox.generateHistory(1, now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(1))) != 1) {
        throw new StepFailed("the sandbox could not create a trade");
      }
      trade = sandbox.trades().get(sandbox.trades().size() - 1);
      orders.runOnce();
      String tid = Long.toString(trade.tid());
      Optional<ErpSalesOrderSummary> found = capability(SalesOrderQuery.class)
          .flatMap(q -> q.findByChannelOrder(options.shopCode(), new ChannelOrderNo(tid)));
      if (found.isEmpty()) {
        String held = orderManagement.exceptions(null, 50).stream().filter(e -> e.tid().equals(tid)).findFirst()
            .map(e -> "held as " + e.reasonCode() + ": " + e.message()).orElse("no exception recorded; see the log");
        throw new StepFailed("trade " + tid + " (" + Money.formatYuan(trade.paymentFen()) + " yuan) has no sales order in the ERP: "
            + held);
      }
      salesOrder = found.get().docNo();
      created.add("sales order " + salesOrder + " (shop " + options.shopCode() + ", trade " + tid + ")");
      if (found.get().totalFen() != trade.paymentFen()) {
        throw new StepFailed("sales order " + salesOrder + " totals " + Money.formatYuan(found.get().totalFen())
            + " yuan but the buyer paid " + Money.formatYuan(trade.paymentFen()));
      }
      return "trade " + tid + " paid " + Money.formatYuan(trade.paymentFen()) + " yuan -> sales order " + salesOrder + " ("
          + found.get().lineCount() + " line(s), " + found.get().status() + ")";
    }

    private String ship() {
      Optional<DeliveryBooking> booking = capability(DeliveryBooking.class);
      if (booking.isEmpty()) {
        throw new StepSkipped("the connector cannot book deliveries: ship sales order " + salesOrder + " in the ERP to test the rest");
      }
      capability(StockLedger.class).ifPresent(l -> onHandBeforeShipping = l.onHand(material()).getOrDefault(warehouse, 0L));
      trackingNo = "SF" + String.format("%012d", Math.floorMod(clock.millis(), 1_000_000_000_000L));
      ErpDelivery delivery = booking.get().bookDelivery(salesOrder, warehouse(), Map.of(), "SF", trackingNo, reference + "-ship");
      created.add("delivery " + delivery.deliveryNo() + " of " + salesOrder);
      return "delivery " + delivery.deliveryNo() + " with SF " + trackingNo + ", " + delivery.lines().size() + " line(s)";
    }

    private String trackingToTmall() {
      fulfilment.runOnce();
      List<SandboxParcel> parcels = sandbox.parcels(trade().tid());
      Optional<SandboxParcel> ours = parcels.stream().filter(p -> p.outSid().equals(trackingNo)).findFirst();
      if (ours.isEmpty()) {
        throw new StepFailed("Tmall does not show trade " + trade().tid() + " shipped with " + trackingNo + " (parcels on Tmall: "
            + parcels.stream().map(SandboxParcel::outSid).toList() + "); see 'shipments list'");
      }
      return "Tmall shows trade " + trade().tid() + " shipped by " + ours.get().companyName() + " " + trackingNo + ", status "
          + sandbox.trade(trade().tid()).map(SandboxTrade::status).orElse("?");
    }

    private String returnReceived() throws InterruptedException {
      if (capability(ReturnSink.class).isEmpty()) {
        throw new StepSkipped("the connector has no ReturnSink: returns after shipping become an operator's task");
      }
      long oid = trade().lines().get(0).oid();
      SandboxRefund refund = sandbox.openRefund(trade().tid(), oid, RefundKind.RETURN, null, "go-live check: return");
      sandbox.agreeRefund(refund.refundId());
      sandbox.returnGoods(refund.refundId(), "顺丰速运", "SF" + refund.refundId());
      sandbox.confirmReturn(refund.refundId());
      refunds.runOnce();
      Optional<StockLedger> ledger = capability(StockLedger.class);
      if (ledger.isEmpty() || onHandBeforeShipping < 0) {
        return "refund " + refund.refundId() + " succeeded on Tmall; the ERP's return could not be read back (no StockLedger)";
      }
      // a return is booked once the refund pull has read past the second its case was created (after-sale case order)
      Instant deadline = clock.instant().plus(RETURN_WAIT);
      long onHand = ledger.get().onHand(material()).getOrDefault(warehouse, 0L);
      while (onHand != onHandBeforeShipping && clock.instant().isBefore(deadline)) {
        pause();
        refunds.runOnce();
        onHand = ledger.get().onHand(material()).getOrDefault(warehouse, 0L);
      }
      if (onHand != onHandBeforeShipping) {
        throw new StepFailed("refund " + refund.refundId() + " succeeded on Tmall, but on hand of " + material + " in " + warehouse
            + " is " + onHand + ", not back at " + onHandBeforeShipping + " (see 'refunds show --id " + refund.refundId() + "')");
      }
      created.add("return of " + salesOrder + " (refund " + refund.refundId() + ")");
      return "refund " + refund.refundId() + ": return received, on hand of " + material + " back at " + onHand;
    }

    private static void pause() throws InterruptedException {
      Object tick = new Object();
      synchronized (tick) {
        tick.wait(PAUSE_MILLIS);
      }
    }

    /** Runs one step, records and reports it; true when it passed. */
    private boolean step(String name, StepBody body) throws InterruptedException {
      long started = System.nanoTime();
      GoLiveStep step;
      try {
        step = GoLiveStep.passed(name, body.run(), millisSince(started));
      } catch (StepSkipped e) {
        step = GoLiveStep.skipped(name, e.getMessage());
      } catch (StepFailed e) {
        step = GoLiveStep.failed(name, e.getMessage(), millisSince(started));
      } catch (BridgeException e) {
        step = GoLiveStep.failed(name, e.errorCode().code() + " " + e.getMessage(), millisSince(started));
      } catch (RuntimeException e) {
        step = GoLiveStep.failed(name, e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(started));
      }
      steps.add(step);
      progress.accept(step);
      return step.outcome() == GoLiveStep.Outcome.PASSED;
    }

    private void skipRemaining() {
      List<String> all = List.of("ERP login", "test material", "stock in", "order in", "ship in ERP", "tracking number to Tmall",
          "return received");
      for (String name : all.subList(Math.min(steps.size(), all.size()), all.size())) {
        GoLiveStep step = GoLiveStep.skipped(name, "an earlier step did not pass");
        steps.add(step);
        progress.accept(step);
      }
    }

    private <T> Optional<T> capability(Class<T> type) {
      return type.isInstance(connector) ? Optional.of(type.cast(connector)) : Optional.empty();
    }

    private MaterialCode material() {
      return java.util.Objects.requireNonNull(material, "material");
    }

    private String warehouse() {
      if (warehouse == null) {
        throw new StepFailed("no warehouse to ship from: pass --warehouse with the ERP's warehouse code");
      }
      return warehouse;
    }

    private SandboxTrade trade() {
      return java.util.Objects.requireNonNull(trade, "trade");
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** A step's work: returns its one-line result or throws. */
  @FunctionalInterface
  private interface StepBody {
    String run() throws InterruptedException;
  }

  /** The step failed for the reason in the message. */
  private static final class StepFailed extends RuntimeException {
    StepFailed(String message) {
      super(message, null, false, false);
    }
  }

  /** The step could not run (a capability the connector lacks); the reason is the message. */
  private static final class StepSkipped extends RuntimeException {
    StepSkipped(String message) {
      super(message, null, false, false);
    }
  }
}
