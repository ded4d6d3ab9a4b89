package com.tmallbridge.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.DatabaseTest;
import com.tmallbridge.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The workbook read back with POI holds the same rows and totals as each report's CSV, and its chart sheet. */
@DatabaseTest
class ReportFilesTests {
  private final TestDatabase database = TestDatabase.create();
  private final HikariDataSource dataSource = SalesReportsTests.dataSource(database);
  private final JdbcTemplate template = new JdbcTemplate(dataSource);

  @AfterEach
  void close() {
    if (database.kind().equals("postgres")) {
      template.execute("DROP SCHEMA " + template.queryForObject("SELECT current_schema()", String.class) + " CASCADE");
    }
    dataSource.close();
  }

  @Test
  void everySheetHoldsTheRowsAndTotalsOfItsCsvAsNumbers() throws Exception {
    new ReportSeed(JdbcClient.create(template)).insertAll();
    ReportSet set = SalesReportsTests.reports(template).all(SalesReportsTests.RANGE, null);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    new ReportWorkbook(ReportWorkbook::plainLabel).write(set, file);

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.toByteArray()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(1 + set.tables().size());
      for (ReportTable table : set.tables()) {
        Sheet sheet = book.getSheet(table.id());
        assertThat(sheet).as(table.id()).isNotNull();
        assertThat(rows(sheet, table)).as(table.id()).isEqualTo(csvLines(table));
      }
      Sheet fees = book.getSheet("fees");
      Row totals = fees.getRow(fees.getLastRowNum());
      Cell net = totals.getCell(1 + set.table("fees").column("net"));
      assertThat(net.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(net.getCellStyle().getDataFormatString()).isEqualTo("0.00");
      assertThat(yuan(net)).isEqualTo("256.53");
    }
  }

  @Test
  void theFirstSheetHoldsABarChartOfPaymentPerDay() throws Exception {
    new ReportSeed(JdbcClient.create(template)).insertAll();
    ReportSet set = SalesReportsTests.reports(template).all(SalesReportsTests.RANGE, null);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    new ReportWorkbook(ReportWorkbook::plainLabel).write(set, file);

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.toByteArray()))) {
      XSSFSheet chartSheet = book.getSheetAt(0);
      assertThat(chartSheet.getSheetName()).isEqualTo("chart");
      List<XSSFChart> charts = chartSheet.getDrawingPatriarch().getCharts();
      assertThat(charts).hasSize(1);
      var data = charts.get(0).getChartSeries();
      assertThat(data).hasSize(1);
      var series = data.get(0).getSeries(0);
      assertThat(series.getCategoryData().getDataRangeReference()).isEqualTo("'sales-day'!$A$2:$A$4");
      assertThat(series.getValuesData().getDataRangeReference()).isEqualTo("'sales-day'!$F$2:$F$4");
    }
  }

  @Test
  void csvStartsWithAByteOrderMarkAndQuotesFieldsThatNeedIt() throws Exception {
    ReportTable table = new ReportTable("refunds", List.of("reason"), List.of(ReportColumn.count("refunds"), ReportColumn.amount("amount")),
        List.of(new ReportRow(List.of("尺码不合适, 换货"), List.of(1L, 1234L)), new ReportRow(List.of("说 \"坏了\""), List.of(2L, -5L))),
        new ReportRow(List.of(ReportTable.TOTAL), List.of(3L, 1229L)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportCsv.write(table, out);
    byte[] bytes = out.toByteArray();

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
        .isEqualTo("reason,refunds,amount\r\n\"尺码不合适, 换货\",1,12.34\r\n\"说 \"\"坏了\"\"\",2,-0.05\r\nTOTAL,3,12.29\r\n");
  }

  /** The CSV of {@code table}, split into lines and fields (the seed has no field that needs quoting). */
  private static List<List<String>> csvLines(ReportTable table) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportCsv.write(table, out);
    String text = out.toString(StandardCharsets.UTF_8).substring(1);
    List<List<String>> lines = new ArrayList<>();
    for (String line : text.split("\r\n")) {
      lines.add(Arrays.asList(line.split(",", -1)));
    }
    return lines;
  }

  /** The sheet's cells as the CSV writes them: header ids, keys, numbers with their format's decimals. */
  private static List<List<String>> rows(Sheet sheet, ReportTable table) {
    List<List<String>> lines = new ArrayList<>();
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < table.header().size(); c++) {
        Cell cell = row.getCell(c);
        if (cell.getCellType() == CellType.STRING) {
          cells.add(cell.getStringCellValue());
        } else if (cell.getCellStyle().getDataFormatString().equals("0.00")) {
          cells.add(yuan(cell));
        } else {
          cells.add(Long.toString((long) cell.getNumericCellValue()));
        }
      }
      lines.add(cells);
    }
    return lines;
  }

  private static String yuan(Cell cell) {
    return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
