package com.tmallbridge.erp.tryton;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.erp.ErpOrderStatus;
import com.tmallbridge.erp.SalesOrderAmendment.Particulars;
import com.tmallbridge.erp.SalesOrderAmendment.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Amendments of a bridge sale. Cancel: a draft or quotation sale is cancelled by Tryton's {@code
 * cancel}; a confirmed or processing sale (Tryton refuses {@code cancel} there) has its open moves
 * and shipments cancelled and ignored ({@link TrytonOrderLines#cancelOpenMoves}), so nothing ships
 * and {@link TrytonMapper#status} reports {@code CANCELLED}; a note {@code Bridge cancel} keeps the
 * reason. Receiver: a party address of the customer (reused when identical) becomes the sale's
 * shipment address and the delivery address of its open customer shipments, and the exact receiver
 * goes into the sale's {@code comment} ({@link TrytonComment}); notes: the {@code comment}. Any
 * delivered unit refuses every amendment.
 */
final class TrytonAmendments {
  private final TrytonClient client;
  private final TrytonOrderLines orders;
  private final TrytonSales sales;
  private final TrytonNotes notes;

  TrytonAmendments(TrytonClient client, TrytonOrderLines orders, TrytonSales sales, TrytonNotes notes) {
    this.client = client;
    this.orders = orders;
    this.sales = sales;
    this.notes = notes;
  }

  Result cancel(ErpDocNo salesOrderNo, String reason) {
    TrytonOrderLines.Sale sale = orders.sale(salesOrderNo);
    List<TrytonOrderLines.Line> lines = orders.lines(sale);
    ErpOrderStatus status = TrytonOrderLines.status(sale, lines);
    if (lines.stream().anyMatch(l -> l.delivered() > 0)) {
      return Result.REFUSED_SHIPPED;
    }
    if (status == ErpOrderStatus.CANCELLED) {
      return Result.APPLIED;
    }
    if (notes.find(List.of(sale.resource()), "Bridge cancel").isEmpty()) {
      notes.add(List.of(sale.resource()), "Bridge cancel", "Order cancelled by TmallBridge: " + reason);
    }
    if ("draft".equals(sale.state()) || "quotation".equals(sale.state())) {
      client.call(TrytonOrderLines.SALE, "cancel", List.of(List.of(sale.id())));
    } else {
      orders.cancelOpenMoves(sale, lines);
    }
    return Result.APPLIED;
  }

  Result updateReceiver(ErpDocNo salesOrderNo, Receiver receiver) {
    TrytonOrderLines.Sale sale = orders.sale(salesOrderNo);
    Result refusal = refusal(sale);
    if (refusal != null) {
      return refusal;
    }
    TrytonComment now = comment(sale);
    if (receiver.equals(now.receiver())) {
      return Result.APPLIED;
    }
    long address = sales.addressFor(sale.party(), receiver);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("shipment_address", address);
    values.put("comment", new TrytonComment(now.buyerMessage(), now.sellerMemo(), now.sellerFlag(), receiver).format());
    client.call(TrytonOrderLines.SALE, "write", List.of(List.of(sale.id()), values));
    List<Long> open = openShipments(sale);
    if (!open.isEmpty()) {
      client.call("stock.shipment.out", "write", List.of(open, Map.of("delivery_address", address)));
    }
    return Result.APPLIED;
  }

  Result updateMemo(ErpDocNo salesOrderNo, @Nullable String buyerMessage, @Nullable String sellerMemo, int sellerFlag) {
    TrytonOrderLines.Sale sale = orders.sale(salesOrderNo);
    Result refusal = refusal(sale);
    if (refusal != null) {
      return refusal;
    }
    TrytonComment now = comment(sale);
    TrytonComment wanted = new TrytonComment(buyerMessage, sellerMemo, sellerFlag, now.receiver());
    if (!wanted.equals(now)) {
      String text = wanted.format();
      client.call(TrytonOrderLines.SALE, "write", List.of(List.of(sale.id()), Map.of("comment", text == null ? "" : text)));
    }
    return Result.APPLIED;
  }

  Optional<Particulars> particulars(ErpDocNo salesOrderNo) {
    return orders.find(salesOrderNo).map(sale -> {
      TrytonComment comment = comment(sale);
      return new Particulars(Objects.requireNonNull(comment.receiver()), comment.buyerMessage(), comment.sellerMemo(),
          comment.sellerFlag(), TrytonOrderLines.status(sale, orders.lines(sale)));
    });
  }

  private @Nullable Result refusal(TrytonOrderLines.Sale sale) {
    List<TrytonOrderLines.Line> lines = orders.lines(sale);
    if (lines.stream().anyMatch(l -> l.delivered() > 0)) {
      return Result.REFUSED_SHIPPED;
    }
    return TrytonOrderLines.status(sale, lines) == ErpOrderStatus.CANCELLED ? Result.REFUSED_CANCELLED : null;
  }

  /** The sale's comment; the receiver falls back to the shipment address for sales written before the comment held it. */
  private TrytonComment comment(TrytonOrderLines.Sale sale) {
    TrytonComment comment = TrytonComment.parse(sale.comment());
    if (comment.receiver() != null) {
      return comment;
    }
    Receiver fromAddress = new Receiver(null, null, null, null, null, null, null, null);
    if (sale.shipmentAddress() != 0) {
      JsonNode a = client.call("party.address", "read", List.of(List.of(sale.shipmentAddress()),
          List.of("name", "street", "city", "postal_code"))).get(0);
      fromAddress = new Receiver(TrytonMapper.text(a, "name"), null, null, null, TrytonMapper.text(a, "city"), null,
          TrytonMapper.text(a, "street"), TrytonMapper.text(a, "postal_code"));
    }
    return new TrytonComment(comment.buyerMessage(), comment.sellerMemo(), comment.sellerFlag(), fromAddress);
  }

  private List<Long> openShipments(TrytonOrderLines.Sale sale) {
    if (sale.shipments().isEmpty()) {
      return List.of();
    }
    return java.util.stream.StreamSupport.stream(client.call("stock.shipment.out", "read",
            List.of(sale.shipments(), List.of("state"))).spliterator(), false)
        .filter(s -> !List.of("done", "cancelled").contains(s.get("state").asString()))
        .map(s -> s.get("id").asLong()).toList();
  }
}
