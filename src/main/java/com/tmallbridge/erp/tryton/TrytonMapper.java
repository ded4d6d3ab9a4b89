package com.tmallbridge.erp.tryton;

import com.tmallbridge.erp.ErpOrderStatus;
import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.Money;
import com.tmallbridge.core.SalesOrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Pure functions between the bridge's canonical values and Tryton's wire values: money (Tryton's
 * {@code Decimal} objects, yuan with scale 2, exact), dates and UTC datetimes, the sale {@code
 * reference} that carries shop code and channel order number, shipment references that carry
 * carrier and tracking number, feed cursors and the sale status word.
 */
final class TrytonMapper {
  /** Prefix of the sale references this connector writes: {@code tb:<shop code>:<channel order no>}. */
  static final String REFERENCE_PREFIX = "tb:";
  /** Note of the sale line that carries the post fee. */
  static final String POST_FEE_NOTE = "post-fee";

  private TrytonMapper() {}

  /** Fen as Tryton's wire decimal, e.g. {@code 5990 -> {"__class__":"Decimal","decimal":"59.90"}}. */
  static Map<String, Object> decimal(long fen) {
    return Map.of("__class__", "Decimal", "decimal", Money.formatYuan(fen));
  }

  /**
   * A Tryton decimal (wire object, number or text) as fen.
   *
   * @throws IllegalArgumentException when it has more than 2 significant decimals
   */
  static long fen(JsonNode value) {
    BigDecimal yuan = value.isObject() ? new BigDecimal(value.get("decimal").asString())
        : value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString());
    return Money.fromYuan(yuan.stripTrailingZeros().scale() < 0 ? yuan.setScale(0) : yuan);
  }

  /** A quantity Tryton holds as a float, as whole units; fractions are refused. */
  static long units(JsonNode quantity) {
    return quantity.decimalValue().setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  /** Tryton's wire date. */
  static Map<String, Object> date(LocalDate date) {
    return Map.of("__class__", "date", "year", date.getYear(), "month", date.getMonthValue(), "day", date.getDayOfMonth());
  }

  /** An instant as Tryton's wire datetime (naive, UTC, as Tryton stores {@code write_date}). */
  static Map<String, Object> datetime(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("__class__", "datetime");
    wire.put("year", t.getYear());
    wire.put("month", t.getMonthValue());
    wire.put("day", t.getDayOfMonth());
    wire.put("hour", t.getHour());
    wire.put("minute", t.getMinute());
    wire.put("second", t.getSecond());
    wire.put("microsecond", t.getNano() / 1000);
    return wire;
  }

  /** A wire datetime (naive UTC) as an instant. */
  static Instant instant(JsonNode datetime) {
    return LocalDateTime.of(datetime.get("year").asInt(), datetime.get("month").asInt(), datetime.get("day").asInt(),
            datetime.get("hour").asInt(), datetime.get("minute").asInt(), datetime.get("second").asInt(),
            datetime.path("microsecond").asInt(0) * 1000)
        .toInstant(ZoneOffset.UTC);
  }

  /** The sale {@code reference} for a channel order: {@code tb:<shop code>:<order no>}. */
  static String saleReference(String shopCode, ChannelOrderNo orderNo) {
    return REFERENCE_PREFIX + shopCode + ":" + orderNo.value();
  }

  /** Shop code and order number of a sale reference this connector wrote; empty for any other reference. */
  static Optional<ChannelKey> channelKey(@Nullable String reference) {
    if (reference == null || !reference.startsWith(REFERENCE_PREFIX)) {
      return Optional.empty();
    }
    String rest = reference.substring(REFERENCE_PREFIX.length());
    int colon = rest.lastIndexOf(':');
    if (colon <= 0 || colon == rest.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new ChannelKey(rest.substring(0, colon), new ChannelOrderNo(rest.substring(colon + 1))));
  }

  /** A channel order's identity as a sale reference carries it. */
  record ChannelKey(String shopCode, ChannelOrderNo orderNo) {}

  /**
   * Where a sale stands, in the SPI's words: {@code CANCELLED} for a cancelled sale, and for a sale
   * with nothing left to ship ({@code shipment_state} {@code sent} or state {@code done}) of which
   * nothing shipped — a confirmed sale whose open moves the bridge cancelled (Tryton cancels only
   * draft and quotation sales); {@code DELIVERED} when nothing is left to ship and something
   * shipped; {@code
   * PARTLY_DELIVERED} when some goods left; {@code OPEN} when confirmed or processing with nothing
   * shipped, and for a sale still in draft or quotation (a creation that has not finished; reads skip those).
   */
  static ErpOrderStatus status(String state, @Nullable String shipmentState, boolean anythingShipped) {
    return switch (state) {
      case "cancelled" -> ErpOrderStatus.CANCELLED;
      // a draft or quotation is a creation still under way (reads skip drafts): nothing shipped yet
      case "draft", "quotation" -> ErpOrderStatus.OPEN;
      // nothing left to ship: delivered when something shipped, cancelled when every unit was cancelled
      default -> "sent".equals(shipmentState) || "done".equals(state)
          ? anythingShipped ? ErpOrderStatus.DELIVERED : ErpOrderStatus.CANCELLED
          : anythingShipped ? ErpOrderStatus.PARTLY_DELIVERED : ErpOrderStatus.OPEN;
    };
  }

  /** The shipment {@code reference} for a parcel: {@code CARRIER:TRACKING}, or the tracking number alone. */
  static String shipmentReference(@Nullable String carrier, String trackingNo) {
    return carrier == null || carrier.isBlank() ? trackingNo : carrier + ":" + trackingNo;
  }

  /** Carrier and tracking number out of a shipment reference ({@code ZTO:ZT123}, or {@code ZT123} alone). */
  static Carriage carriage(@Nullable String reference) {
    if (reference == null || reference.isBlank()) {
      return new Carriage(null, null);
    }
    int colon = reference.indexOf(':');
    if (colon <= 0 || colon == reference.length() - 1) {
      return new Carriage(null, reference.strip());
    }
    return new Carriage(reference.substring(0, colon).strip(), reference.substring(colon + 1).strip());
  }

  /** Carrier and tracking number of a parcel, either may be unknown. */
  record Carriage(@Nullable String carrier, @Nullable String trackingNo) {}

  /** A feed position after the row written at {@code writeDate} with {@code id}. */
  static String cursor(Instant writeDate, long id) {
    return writeDate + "#" + id;
  }

  /**
   * The position a cursor names.
   *
   * @throws IllegalArgumentException when it is not one {@link #cursor} made
   */
  static Position position(String cursor) {
    int hash = cursor.lastIndexOf('#');
    if (hash <= 0) {
      throw new IllegalArgumentException("not a Tryton feed cursor: '" + cursor + "'");
    }
    try {
      return new Position(Instant.parse(cursor.substring(0, hash)), Long.parseLong(cursor.substring(hash + 1)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Tryton feed cursor: '" + cursor + "'", e);
    }
  }

  /** A feed position: the last row read. */
  record Position(Instant writeDate, long id) {}

  /** The domain "written after {@code position}" in {@code (write_date, id)} order; empty for the start. */
  static List<Object> after(@Nullable Position position) {
    if (position == null) {
      return List.of();
    }
    Map<String, Object> at = datetime(position.writeDate());
    return List.of(List.of("OR",
        List.of(List.of("write_date", ">", at)),
        List.of(List.of("write_date", "=", at), List.of("id", ">", position.id()))));
  }

  /**
   * The Tryton sale lines of one order line, priced exactly: one line at {@code amount / quantity}
   * when that is a whole number of fen, else two lines ({@code quantity - r} units at the floor
   * price and {@code r} units one fen dearer) so that they add up to the amount to the fen.
   */
  static List<PricedQuantity> pricedQuantities(SalesOrderLine line) {
    long quantity = line.quantity();
    long floor = Math.floorDiv(line.amountFen(), quantity);
    long remainder = line.amountFen() - floor * quantity;
    List<PricedQuantity> parts = new ArrayList<>();
    if (quantity - remainder > 0) {
      parts.add(new PricedQuantity(quantity - remainder, floor));
    }
    if (remainder > 0) {
      parts.add(new PricedQuantity(remainder, floor + 1));
    }
    return parts;
  }

  /** A quantity at a unit price in fen. */
  record PricedQuantity(long quantity, long unitFen) {}

  /** The id of a Tryton reference value such as {@code "sale.line,12"}, if it names {@code model}. */
  static Optional<Long> referencedId(@Nullable String reference, String model) {
    if (reference == null || !reference.startsWith(model + ",")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(reference.substring(model.length() + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The text of a field, or null when Tryton holds none ({@code null} or {@code false}). */
  static @Nullable String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() || value.isBoolean() ? null : value.asString();
  }
}
