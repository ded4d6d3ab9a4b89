package com.tmallbridge.erp.tryton;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.core.SalesOrder;
import com.tmallbridge.core.SalesOrderLine;
import com.tmallbridge.erp.ConnectorException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The values of a new draft {@code sale.sale} for a canonical sales order (pure mapping): {@code
 * reference} {@code tb:<shop>:<order no>}, manual invoicing, shipment on order, the sale date in
 * the configured zone, buyer message, seller memo and the exact receiver in {@code comment}
 * ({@link TrytonComment}), and one sale line per
 * order line (two when the paid amount does not divide into whole-fen unit prices, see {@link
 * TrytonMapper#pricedQuantities}) with the Tmall sub-order id in the line's {@code note} and the
 * item title as its {@code description}. The post fee is a line without product (note {@code
 * post-fee}), so the sale's total equals the order's total to the fen and no stock moves for it.
 */
final class TrytonSaleDraft {
  private final SalesOrder order;
  private final ZoneId zone;

  TrytonSaleDraft(SalesOrder order, ZoneId zone) {
    this.order = validated(order);
    this.zone = zone;
  }

  Map<String, Object> values(long party, long address, Map<MaterialCode, TrytonProduct> products) {
    Map<String, Object> sale = new LinkedHashMap<>();
    sale.put("party", party);
    sale.put("invoice_address", address);
    sale.put("shipment_address", address);
    sale.put("invoice_method", "manual");
    sale.put("shipment_method", "order");
    sale.put("reference", TrytonMapper.saleReference(order.shopCode(), order.orderNo()));
    sale.put("description", "Tmall order " + order.orderNo().value() + " (shop " + order.shopCode() + ")");
    sale.put("sale_date", TrytonMapper.date(LocalDate.ofInstant(order.orderedAt(), zone)));
    String comment = new TrytonComment(order.buyerMessage(), order.sellerMemo(), 0, order.receiver()).format();
    if (comment != null) {
      sale.put("comment", comment);
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    long unit = 0;
    for (SalesOrderLine line : order.lines()) {
      TrytonProduct product = products.get(line.material());
      unit = product.uom();
      for (TrytonMapper.PricedQuantity part : TrytonMapper.pricedQuantities(line)) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", "line");
        values.put("product", product.id());
        values.put("quantity", part.quantity());
        values.put("unit", product.uom());
        values.put("unit_price", TrytonMapper.decimal(part.unitFen()));
        values.put("description", line.title());
        values.put("note", line.externalLineId());
        lines.add(values);
      }
    }
    if (order.postFeeFen() > 0) {
      lines.add(Map.of("type", "line", "quantity", 1, "unit", unit, "unit_price", TrytonMapper.decimal(order.postFeeFen()),
          "description", "Post fee", "note", TrytonMapper.POST_FEE_NOTE));
    }
    sale.put("lines", List.of(List.of("create", lines)));
    return sale;
  }

  /** The party address of a receiver: name, street (district and address), city, postal code. */
  static Map<String, Object> address(Receiver receiver) {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("name", receiver.name());
    address.put("street", Stream.of(receiver.province(), receiver.district(), receiver.address())
        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" ")));
    address.put("city", receiver.city());
    address.put("postal_code", receiver.zip());
    return address;
  }

  private static SalesOrder validated(SalesOrder order) {
    if (order.orderNo().value().contains(":")) {
      throw invalid(order, "the order number contains ':'");
    }
    if (order.postFeeFen() < 0) {
      throw invalid(order, "the post fee is negative");
    }
    for (SalesOrderLine line : order.lines()) {
      if (line.quantity() <= 0) {
        throw invalid(order, "line " + line.lineNo() + " has quantity " + line.quantity());
      }
      if (line.amountFen() < 0) {
        throw invalid(order, "line " + line.lineNo() + " has a negative amount");
      }
    }
    return order;
  }

  private static ConnectorException invalid(SalesOrder order, String problem) {
    return new ConnectorException(TrytonErrorCode.INVALID_ORDER, false, "sales order " + order.orderNo() + ": " + problem);
  }
}
