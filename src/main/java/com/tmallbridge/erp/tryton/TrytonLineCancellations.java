package com.tmallbridge.erp.tryton;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.SalesOrderLineCancellation.Result;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cancels the open units of sale lines: their open outgoing moves (and inventory moves) are
 * cancelled and marked ignored on the sale line, as Tryton's "handle shipment exception" wizard
 * does with "ignore" (see {@link TrytonOrderLines#cancelOpenMoves}). The reference and the result
 * are kept in a note {@code Bridge cancellation <reference>} on the sale, written <em>before</em>
 * the moves are cancelled and verified (lowest note id wins, {@link TrytonNotes#claim}): the
 * winner's result was computed before any caller cancelled anything, so a repeat, a retry after a
 * lost answer and concurrent callers all return the same result.
 */
final class TrytonLineCancellations {
  static final String CANCELLATION = "Bridge cancellation ";
  private static final Pattern RESULT = Pattern.compile("cancelled (\\d+), delivered (\\d+), remaining (\\d+)");

  private final TrytonOrderLines orders;
  private final TrytonNotes notes;

  TrytonLineCancellations(TrytonOrderLines orders, TrytonNotes notes) {
    this.orders = orders;
    this.notes = notes;
  }

  Result cancelOpenUnits(ErpDocNo salesOrderNo, Collection<String> subOrderIds, String reference) {
    TrytonOrderLines.Sale sale = orders.sale(salesOrderNo);
    var existing = notes.find(List.of(sale.resource()), CANCELLATION + reference);
    if (existing.isPresent()) {
      return result(existing.get());
    }
    List<TrytonOrderLines.Line> lines = orders.lines(sale);
    List<TrytonOrderLines.Line> matched = TrytonOrderLines.matching(sale, lines, subOrderIds);
    long cancelled = matched.stream().mapToLong(TrytonOrderLines.Line::open).sum();
    long delivered = matched.stream().mapToLong(TrytonOrderLines.Line::delivered).sum();
    long remaining = lines.stream().mapToLong(TrytonOrderLines.Line::open).sum() - cancelled;
    TrytonNotes.Claim claim = notes.claim(sale.resource(), CANCELLATION + reference,
        "Open units of sub-orders " + String.join(", ", subOrderIds) + " cancelled by TmallBridge: cancelled " + cancelled
            + ", delivered " + delivered + ", remaining " + remaining);
    orders.cancelOpenMoves(sale, orders.lines(sale).stream().filter(l -> l.matches(subOrderIds)).toList());
    return result(claim.note());
  }

  long deliveredUnits(ErpDocNo salesOrderNo, Collection<String> subOrderIds) {
    TrytonOrderLines.Sale sale = orders.sale(salesOrderNo);
    return orders.lines(sale).stream().filter(l -> l.matches(subOrderIds)).mapToLong(TrytonOrderLines.Line::delivered).sum();
  }

  private static Result result(TrytonNotes.Note note) {
    Matcher m = RESULT.matcher(note.text());
    if (!m.find()) {
      throw new ConnectorException(TrytonErrorCode.SERVER_FAULT, false, "note " + note.id() + " '" + note.key() + "' holds no result");
    }
    return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
  }
}
