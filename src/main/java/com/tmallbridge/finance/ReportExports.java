package com.tmallbridge.finance;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import com.tmallbridge.core.ShopId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports' Excel export for people: writes the workbook of a range and records it in the audit
 * log as {@code EXPORT} of {@code reports.xlsx}, with the range and the shops, for the {@linkplain
 * com.tmallbridge.audit.ActorContext current actor}. Permission checks (role, shop scope) are the caller's.
 */
@Service
public class ReportExports {
  private final SalesReports reports;
  private final AuditLog audit;

  ReportExports(SalesReports reports, AuditLog audit) {
    this.reports = reports;
    this.audit = audit;
  }

  /**
   * Writes every report of {@code range} for {@code shops} as a workbook to {@code out} and records the export.
   *
   * @param labels the texts of the sheets and headers (see {@link ReportWorkbook#ReportWorkbook})
   */
  @Transactional
  public void workbook(ReportRange range, Collection<ShopId> shops, UnaryOperator<String> labels, OutputStream out) throws IOException {
    new ReportWorkbook(labels).write(reports.all(range, shops), out);
    audit.record(AuditEvent.change(AuditAction.EXPORT, "reports.xlsx", null, "range=" + range + ", shops="
        + shops.stream().map(s -> Long.toString(s.value())).sorted().toList()));
  }
}
