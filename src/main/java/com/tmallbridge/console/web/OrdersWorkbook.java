package com.tmallbridge.console.web;

import com.tmallbridge.core.Receiver;
import com.tmallbridge.order.TradeView;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The orders list as an Excel workbook: one sheet, a header row in the user's language, one row per
 * trade, amounts in yuan as numbers, times in China Standard Time, the receiver already masked.
 * Streams rows (POI's SXSSF keeps 100 rows in memory), so a large export does not fill the heap.
 */
final class OrdersWorkbook {
  static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final List<String> HEADERS = List.of("shop", "tid", "status", "state", "created", "paid", "payment", "erpOrder",
      "exception", "receiverName", "receiverMobile", "province", "city", "district", "address");

  private final MessageSource messages;
  private final ZoneId zone;

  OrdersWorkbook(MessageSource messages, ZoneId zone) {
    this.messages = messages;
    this.zone = zone;
  }

  /**
   * Writes the workbook.
   *
   * @param receivers the masked receiver of a trade, or null when its snapshot is unreadable
   */
  void write(List<TradeView> trades, Function<TradeView, @Nullable Receiver> receivers, Locale locale, OutputStream out)
      throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      Sheet sheet = book.createSheet(messages.getMessage("export.orders.sheet", null, "orders", locale));
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.size(); c++) {
        header.createCell(c).setCellValue(messages.getMessage("export.orders." + HEADERS.get(c), null, HEADERS.get(c), locale));
      }
      CellStyle money = book.createCellStyle();
      money.setDataFormat(book.createDataFormat().getFormat("0.00"));
      int r = 1;
      for (TradeView t : trades) {
        Receiver receiver = receivers.apply(t);
        Row row = sheet.createRow(r++);
        int c = 0;
        row.createCell(c++).setCellValue(t.shopCode());
        row.createCell(c++).setCellValue(t.tid());
        row.createCell(c++).setCellValue(t.status());
        row.createCell(c++).setCellValue(t.state().name());
        row.createCell(c++).setCellValue(time(t.created()));
        row.createCell(c++).setCellValue(time(t.payTime()));
        // exact: fen to yuan with scale 2; Excel stores every number as a double, shown with two decimals
        Cell payment = row.createCell(c++);
        payment.setCellValue(BigDecimal.valueOf(t.paymentFen(), 2).doubleValue());
        payment.setCellStyle(money);
        row.createCell(c++).setCellValue(text(t.erpOrderNo()));
        row.createCell(c++).setCellValue(text(t.exception()));
        row.createCell(c++).setCellValue(receiver == null ? "" : text(receiver.name()));
        row.createCell(c++).setCellValue(receiver == null ? "" : text(receiver.mobile()));
        row.createCell(c++).setCellValue(receiver == null ? "" : text(receiver.province()));
        row.createCell(c++).setCellValue(receiver == null ? "" : text(receiver.city()));
        row.createCell(c++).setCellValue(receiver == null ? "" : text(receiver.district()));
        row.createCell(c).setCellValue(receiver == null ? "" : text(receiver.address()));
      }
      book.write(out);
      book.dispose();
    }
  }

  private String time(@Nullable Instant at) {
    return at == null ? "" : TIME.format(at.atZone(zone));
  }

  private static String text(@Nullable String s) {
    return s == null ? "" : s;
  }
}
