package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.ErpSalesOrderSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Sales orders as Tryton sales ({@code sale.sale}), created once per (shop code, channel order
 * number) although Tryton has no unique index on {@code reference}: <em>create, then verify</em>.
 * A create first looks the reference up; when Tryton holds none it creates a draft, then reads every
 * sale with that reference again. The winner is the lowest id among sales that left draft, else
 * the lowest id; a loser deletes its own draft and continues with the winner, which is quoted and
 * confirmed if it is still draft or quotation (an error there is tolerated when a re-read shows
 * that a concurrent caller moved it on). Drafts that are not the winner are garbage: reads ignore
 * them and creates delete them when they see them. So a repeat, a retry after a lost response and
 * concurrent deliveries of one order leave one sale.
 */
final class TrytonSales {
  private static final List<String> SALE_FIELDS = List.of("number", "reference", "state", "shipment_state", "total_amount");

  private final TrytonClient client;
  private final TrytonCatalog catalog;
  private final TrytonCustomers customers;
  private final TrytonProperties properties;

  TrytonSales(TrytonClient client, TrytonCatalog catalog, TrytonCustomers customers, TrytonProperties properties) {
    this.client = client;
    this.catalog = catalog;
    this.customers = customers;
    this.properties = properties;
  }

  ErpDocNo create(SalesOrder order, ErpDocNo customer) {
    String reference = TrytonMapper.saleReference(order.shopCode(), order.orderNo());
    List<TrytonSale> seen = salesWithReference(reference);
    Optional<TrytonSale> existing = winner(seen);
    if (existing.isPresent()) {
      return complete(existing.get(), seen);
    }
    TrytonSaleDraft draft = new TrytonSaleDraft(order, properties.zone());
    long party = validParty(customer);
    Map<com.tmallbridge.core.MaterialCode, TrytonProduct> products = catalog.require(materialsOf(order));
    Map<String, Object> values = draft.values(party, addressFor(party, order.receiver()), products);
    long mine = client.call("sale.sale", "create", List.of(List.of(values))).get(0).asLong();
    List<TrytonSale> verified = salesWithReference(reference);
    TrytonSale winner = winner(verified).orElseThrow(() -> new ConnectorException(
        TrytonErrorCode.SERVER_FAULT, false, "Tryton lost sale " + mine + " of " + reference));
    if (winner.id() != mine) {
      deleteDrafts(List.of(mine));
    }
    return complete(winner, verified.stream().filter(s -> s.id() != mine).toList());
  }

  Optional<ErpSalesOrderSummary> find(String shopCode, ChannelOrderNo orderNo) {
    return winner(salesWithReference(TrytonMapper.saleReference(shopCode, orderNo))).filter(s -> !s.draft())
        .flatMap(s -> summaries(List.of(s)).stream().findFirst());
  }

  /** Every sale the bridge created that left draft, read by id in pages. */
  void forEach(Consumer<ErpSalesOrderSummary> sink) {
    long lastId = 0;
    while (true) {
      JsonNode page = client.call("sale.sale", "search_read", args(
          List.of(List.of("reference", "like", TrytonMapper.REFERENCE_PREFIX + "%"), List.of("id", ">", lastId)),
          0, properties.pageSize(), List.of(List.of("id", "ASC")), SALE_FIELDS));
      List<TrytonSale> sales = new ArrayList<>();
      for (JsonNode row : page) {
        TrytonSale sale = sale(row);
        lastId = sale.id();
        if (!sale.draft()) {
          sales.add(sale);
        }
      }
      summaries(sales).forEach(sink);
      if (page.size() < properties.pageSize()) {
        return;
      }
    }
  }

  /**
   * The sale of a document number.
   *
   * @throws ConnectorException permanent when Tryton has no sale with that number
   */
  TrytonSale byNumber(ErpDocNo number) {
    JsonNode rows = client.call("sale.sale", "search_read", args(List.of(List.of("number", "=", number.value())), 0, 1, null, SALE_FIELDS));
    if (rows.isEmpty()) {
      throw new ConnectorException(TrytonErrorCode.REJECTED, false, "Tryton has no sale number " + number);
    }
    return sale(rows.get(0));
  }

  /**
   * Quotes and confirms the winner if still draft or quotation, then deletes the drafts {@code seen}
   * beside it (other garbage stays ignored; a concurrent creator that comes later sees the winner
   * and deletes its own draft).
   */
  private ErpDocNo complete(TrytonSale winner, List<TrytonSale> seen) {
    TrytonSale sale = winner;
    if (sale.draft() || "quotation".equals(sale.state())) {
      sale = quoteAndConfirm(sale);
    }
    long winnerId = sale.id();
    deleteDrafts(seen.stream().filter(s -> s.draft() && s.id() != winnerId).map(TrytonSale::id).toList());
    if (sale.number() == null) {
      throw new ConnectorException(TrytonErrorCode.SERVER_FAULT, false, "Tryton sale " + sale.id() + " has no number after quoting");
    }
    return new ErpDocNo(sale.number());
  }

  /** Quote (from draft), then confirm, then one read: a successful quote leaves the sale in quotation. */
  private TrytonSale quoteAndConfirm(TrytonSale sale) {
    TrytonSale current = sale;
    if (current.draft()) {
      TrytonSale moved = step(current, "quote");
      if (moved != null && !"quotation".equals(moved.state())) {
        return moved;
      }
      current = moved != null ? moved
          : new TrytonSale(sale.id(), sale.number(), sale.reference(), "quotation", sale.shipmentState(), sale.totalFen());
    }
    TrytonSale moved = step(current, "confirm");
    return moved != null ? moved : read(current.id());
  }

  /**
   * Runs a workflow button: null when it succeeded; on an error, the re-read sale when it shows
   * another caller moved it on, else the error.
   */
  private @Nullable TrytonSale step(TrytonSale sale, String button) {
    try {
      client.call("sale.sale", button, List.of(List.of(sale.id())));
      return null;
    } catch (ConnectorException e) {
      TrytonSale now = read(sale.id());
      if (now.state().equals(sale.state())) {
        throw e;
      }
      return now;
    }
  }

  private void deleteDrafts(List<Long> ids) {
    for (long id : ids) {
      try {
        client.call("sale.sale", "delete", List.of(List.of(id)));
      } catch (ConnectorException e) {
        // Garbage that stays is ignored by every read and deleted by the next create that sees it.
      }
    }
  }

  private TrytonSale read(long id) {
    return sale(client.call("sale.sale", "read", List.of(List.of(id), SALE_FIELDS)).get(0));
  }

  /**
   * Every sale with the reference, lowest id first. Tryton's search_read fails when a concurrent
   * caller deletes a garbage draft between its search and its read ("records ... don't exist
   * anymore", or for a model with record rules "You are not allowed to read records ... because of
   * at least one of these rules"); the lookup is then made again, at most five times in all. This is a re-read inside
   * the create-then-verify protocol, not a retry of a failed write.
   */
  private List<TrytonSale> salesWithReference(String reference) {
    for (int attempt = 1; ; attempt++) {
      try {
        List<TrytonSale> sales = new ArrayList<>();
        client.call("sale.sale", "search_read", args(List.of(List.of("reference", "=", reference)), 0, null,
            List.of(List.of("id", "ASC")), SALE_FIELDS)).forEach(row -> sales.add(sale(row)));
        return sales;
      } catch (ConnectorException e) {
        String message = String.valueOf(e.getMessage());
        if (attempt == 5 || !(message.contains("don't exist anymore") || message.contains("You are not allowed to read records"))) {
          throw e;
        }
      }
    }
  }

  /** The lowest id among sales that left draft, else the lowest id. */
  static Optional<TrytonSale> winner(List<TrytonSale> sales) {
    Comparator<TrytonSale> byId = Comparator.comparingLong(TrytonSale::id);
    return sales.stream().filter(s -> !s.draft()).min(byId).or(() -> sales.stream().min(byId));
  }

  private long validParty(ErpDocNo customer) {
    return customers.partyId(customer.value()).orElseThrow(() -> new ConnectorException(
        TrytonErrorCode.UNKNOWN_CUSTOMER, false, "Tryton has no party with code '" + customer.value() + "'"));
  }

  /** A {@code party.address} of the party for the receiver: an identical one is reused, else one is created. */
  long addressFor(long party, com.tmallbridge.core.Receiver receiver) {
    Map<String, Object> address = TrytonSaleDraft.address(receiver);
    List<Object> domain = new ArrayList<>();
    domain.add(List.of("party", "=", party));
    address.forEach((field, value) -> domain.add(args(field, "=", value)));
    JsonNode found = client.call("party.address", "search", args(domain, 0, 1, null));
    if (!found.isEmpty()) {
      return found.get(0).asLong();
    }
    Map<String, Object> values = new LinkedHashMap<>(address);
    values.put("party", party);
    return client.call("party.address", "create", List.of(List.of(values))).get(0).asLong();
  }

  private static List<com.tmallbridge.core.MaterialCode> materialsOf(SalesOrder order) {
    return order.lines().stream().map(SalesOrderLine::material).toList();
  }

  /** Summaries of sales: line count (distinct external line ids) and whether goods left, in two calls. */
  private List<ErpSalesOrderSummary> summaries(List<TrytonSale> sales) {
    if (sales.isEmpty()) {
      return List.of();
    }
    Map<Long, Set<String>> lineIds = new HashMap<>();
    Map<Long, Long> saleOfMove = new HashMap<>();
    JsonNode lines = client.call("sale.line", "search_read", args(
        List.of(List.of("sale", "in", sales.stream().map(TrytonSale::id).toList())), 0, null, null, List.of("sale", "note", "product", "moves")));
    for (JsonNode line : lines) {
      long sale = line.get("sale").asLong();
      String note = TrytonMapper.text(line, "note");
      if (note != null && !line.path("product").isNull() && !TrytonMapper.POST_FEE_NOTE.equals(note)) {
        lineIds.computeIfAbsent(sale, k -> new HashSet<>()).add(note);
      }
      line.get("moves").forEach(m -> saleOfMove.put(m.asLong(), sale));
    }
    Set<Long> shipped = new HashSet<>();
    if (!saleOfMove.isEmpty()) {
      client.call("stock.move", "search", args(List.of(List.of("id", "in", List.copyOf(saleOfMove.keySet())),
          List.of("state", "=", "done"), List.of("to_location.type", "=", "customer")), 0, null, null))
          .forEach(m -> shipped.add(saleOfMove.get(m.asLong())));
    }
    List<ErpSalesOrderSummary> summaries = new ArrayList<>();
    for (TrytonSale sale : sales) {
      TrytonMapper.channelKey(sale.reference()).ifPresent(key -> summaries.add(new ErpSalesOrderSummary(
          new ErpDocNo(sale.number() == null ? "draft-" + sale.id() : sale.number()), key.shopCode(), key.orderNo(),
          sale.totalFen(), lineIds.getOrDefault(sale.id(), Set.of()).size(),
          TrytonMapper.status(sale.state(), sale.shipmentState(), shipped.contains(sale.id())))));
    }
    return summaries;
  }

  static TrytonSale sale(JsonNode row) {
    JsonNode total = row.get("total_amount");
    return new TrytonSale(row.get("id").asLong(), TrytonMapper.text(row, "number"), TrytonMapper.text(row, "reference"),
        row.get("state").asString(), TrytonMapper.text(row, "shipment_state"),
        total == null || total.isNull() ? 0 : TrytonMapper.fen(total));
  }
}
