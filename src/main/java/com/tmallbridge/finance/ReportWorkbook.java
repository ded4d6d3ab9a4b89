package com.tmallbridge.finance;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A {@link ReportSet} as an Excel workbook (.xlsx): first a chart sheet (a bar chart of the payment
 * per day, drawn from the sales-by-day sheet), then one sheet per report in the set's order. Each
 * report sheet has a header row, one row per report row and a bold totals row last; figures are
 * numeric cells, money in yuan with the format {@code 0.00}, counts with {@code 0}.
 *
 * <p>Excel keeps every number as a double; a yuan amount with two decimals survives that exactly
 * for any amount below 10<sup>13</sup> yuan (read back with {@code BigDecimal.valueOf(cell).setScale(2)}).
 */
public final class ReportWorkbook {
  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  /** The sheet the chart reads its days and amounts from. */
  static final String CHART_SOURCE = "sales-day";
  /** The message key of the totals row's first cell. */
  static final String TOTAL_KEY = "report.total";

  private final UnaryOperator<String> labels;

  /**
   * @param labels the text of a message key ({@code report.<id>} for a sheet, {@code report.col.<id>}
   *     for a column header, {@code report.chart} for the chart's title and sheet, {@code report.total}
   *     for the first cell of the totals rows); the CLI passes
   *     one that returns the id after the last dot, the console its messages in the user's language
   */
  public ReportWorkbook(UnaryOperator<String> labels) {
    this.labels = labels;
  }

  /**
   * The labels the CLI uses, those of the CSV: each key's last segment ({@code report.col.postFee} →
   * {@code postFee}), {@code report.total} → {@link ReportTable#TOTAL}.
   */
  public static String plainLabel(String key) {
    return key.equals(TOTAL_KEY) ? ReportTable.TOTAL : key.substring(key.lastIndexOf('.') + 1);
  }

  /** Writes the workbook of {@code reports} to {@code out} (not closed). */
  public void write(ReportSet reports, OutputStream out) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      XSSFSheet chartSheet = book.createSheet(sheetName(labels.apply("report.chart")));
      Styles styles = new Styles(book);
      XSSFSheet source = null;
      for (ReportTable table : reports.tables()) {
        XSSFSheet sheet = book.createSheet(sheetName(labels.apply("report." + table.id())));
        fill(sheet, table, styles);
        if (table.id().equals(CHART_SOURCE)) {
          source = sheet;
          chart(chartSheet, sheet, table, reports.range());
        }
      }
      if (source == null) {
        throw new IllegalArgumentException("the report set has no " + CHART_SOURCE + " report for the chart");
      }
      book.write(out);
    }
  }

  private void fill(XSSFSheet sheet, ReportTable table, Styles styles) {
    Row header = sheet.createRow(0);
    int c = 0;
    for (String key : table.keyColumns()) {
      header.createCell(c++).setCellValue(labels.apply("report.col." + key));
    }
    for (ReportColumn column : table.columns()) {
      header.createCell(c++).setCellValue(labels.apply("report.col." + column.id()));
    }
    int r = 1;
    for (ReportRow row : table.rows()) {
      row(sheet.createRow(r++), table, row, styles, false);
    }
    ReportRow totals = table.totals();
    List<String> keys = new ArrayList<>(totals.keys());
    keys.set(0, labels.apply(TOTAL_KEY));
    row(sheet.createRow(r), table, new ReportRow(keys, totals.values()), styles, true);
    for (int i = 0; i < c; i++) {
      sheet.setColumnWidth(i, 14 * 256);
    }
  }

  private static void row(Row target, ReportTable table, ReportRow row, Styles styles, boolean total) {
    int c = 0;
    for (String key : row.keys()) {
      Cell cell = target.createCell(c++);
      cell.setCellValue(key);
      if (total) {
        cell.setCellStyle(styles.totalText);
      }
    }
    for (int i = 0; i < table.columns().size(); i++) {
      Cell cell = target.createCell(c++);
      long value = row.value(i);
      if (table.columns().get(i).money()) {
        // exact: fen to yuan with scale 2, then the double Excel stores, shown with two decimals
        cell.setCellValue(BigDecimal.valueOf(value, 2).doubleValue());
        cell.setCellStyle(total ? styles.totalMoney : styles.money);
      } else {
        cell.setCellValue(value);
        cell.setCellStyle(total ? styles.totalCount : styles.count);
      }
    }
  }

  private void chart(XSSFSheet chartSheet, XSSFSheet source, ReportTable table, ReportRange range) {
    int last = table.rows().size();
    int payment = table.keyColumns().size() + table.column("payment");
    XSSFDrawing drawing = chartSheet.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, 0, 16, 26);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(labels.apply("report.chart") + " " + range);
    chart.setTitleOverlay(false);
    chart.getOrAddLegend().setPosition(LegendPosition.TOP_RIGHT);
    XDDFCategoryAxis days = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.LEFT);
    amounts.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(source, new CellRangeAddress(1, last, 0, 0));
    XDDFNumericalDataSource<Double> values =
        XDDFDataSourcesFactory.fromNumericCellRange(source, new CellRangeAddress(1, last, payment, payment));
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, days, amounts);
    data.setBarDirection(BarDirection.COL);
    XDDFChartData.Series series = data.addSeries(categories, values);
    series.setTitle(labels.apply("report.col.payment"), null);
    chart.plot(data);
  }

  private static String sheetName(String label) {
    return WorkbookUtil.createSafeSheetName(label);
  }

  /** The cell styles of one workbook. */
  private static final class Styles {
    final CellStyle money;
    final CellStyle count;
    final CellStyle totalMoney;
    final CellStyle totalCount;
    final CellStyle totalText;

    Styles(XSSFWorkbook book) {
      short moneyFormat = book.createDataFormat().getFormat("0.00");
      short countFormat = book.createDataFormat().getFormat("0");
      Font bold = book.createFont();
      bold.setBold(true);
      money = style(book, moneyFormat, null);
      count = style(book, countFormat, null);
      totalMoney = style(book, moneyFormat, bold);
      totalCount = style(book, countFormat, bold);
      totalText = book.createCellStyle();
      totalText.setFont(bold);
    }

    private static CellStyle style(XSSFWorkbook book, short format, Font font) {
      CellStyle style = book.createCellStyle();
      style.setDataFormat(format);
      if (font != null) {
        style.setFont(font);
      }
      return style;
    }
  }
}
