package com.tmallbridge.stock;

import com.tmallbridge.core.MaterialCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The running total of open (reserved, undelivered) units per material, table {@code stock_reserved}:
 * always equal to {@code sum(quantity - delivered)} over the {@code OPEN} rows of {@code
 * stock_reservation}, without reading them. {@link ReservationRepository} reports every change of an
 * open reservation here, in the transaction that makes it.
 *
 * <p>Inside a transaction the changes are summed per material and written just before commit, in
 * material order: a page of trades takes each material's row lock once and only for the commit,
 * and two transactions (the import, the ERP delivery feed) always lock materials in the same order,
 * so they wait for each other but never deadlock. Reads inside the transaction add its own pending
 * changes, so the transaction sees what the sum query would have shown it. Without a transaction a
 * change is written at once.
 */
@Repository
class ReservedTotals {
  private static final String ADD = "update stock_reserved set reserved = reserved + ? where material = ?";
  private static final String CREATE = "insert into stock_reserved (material, reserved) values (?, 0) on conflict do nothing";
  private static final String SELECT = "select material, reserved from stock_reserved where material in (:materials)";
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  /** Materials whose row this process has written and committed (rows are never deleted), so their creation is skipped. */
  private final Set<String> withRow = ConcurrentHashMap.newKeySet();

  ReservedTotals(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Adds {@code delta} open units to a material (negative when units are released or delivered); zero is ignored. */
  void add(MaterialCode material, long delta) {
    if (delta == 0) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(new TreeMap<>(Map.of(material.value(), delta)));
      withRow.add(material.value());
      return;
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(this, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    pending.deltas.merge(material.value(), delta, Long::sum);
  }

  /**
   * Open units per material as the current transaction sees them, its own unwritten changes
   * included; a material with none is absent (as from the sum query this table replaced).
   */
  Map<MaterialCode, Long> reserved(Collection<MaterialCode> materials) {
    Map<MaterialCode, Long> result = new HashMap<>();
    List<String> codes = materials.stream().map(MaterialCode::value).distinct().toList();
    for (int from = 0; from < codes.size(); from += CHUNK) {
      jdbc.sql(SELECT).param("materials", codes.subList(from, Math.min(codes.size(), from + CHUNK)))
          .query(rs -> {
            result.put(new MaterialCode(rs.getString("material")), rs.getLong("reserved"));
          });
    }
    Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
        ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
    if (pending != null) {
      for (String code : codes) {
        Long delta = pending.deltas.get(code);
        if (delta != null && delta != 0) {
          result.merge(new MaterialCode(code), delta, Long::sum);
        }
      }
    }
    result.values().removeIf(units -> units == 0);
    return result;
  }

  /**
   * Writes the deltas in material order: one batch creating the rows of materials that have none
   * yet (at zero), then one batch of updates. Each batch takes its locks in material order, and the
   * creations all come before any update, so two writers never wait for each other in a cycle (a
   * writer that updated an existing row and then created a missing one could deadlock with one
   * that had created the second row and then updated the first). Materials whose row this process
   * committed are not created again; a row that went missing all the same (a table emptied behind
   * the process's back, or a creation rolled back) is created after the updates, as a last resort.
   */
  private void write(TreeMap<String, Long> deltas) {
    deltas.values().removeIf(d -> d == 0);
    if (deltas.isEmpty()) {
      return;
    }
    List<Object[]> missing = deltas.keySet().stream().filter(m -> !withRow.contains(m)).map(m -> new Object[] {m}).toList();
    if (!missing.isEmpty()) {
      template.batchUpdate(CREATE, missing);
    }
    List<Object[]> args = new ArrayList<>(deltas.size());
    deltas.forEach((material, delta) -> args.add(new Object[] {delta, material}));
    int[] updated = template.batchUpdate(ADD, args);
    int i = 0;
    for (Map.Entry<String, Long> e : deltas.entrySet()) {
      if (updated[i++] == 0) {
        template.update(CREATE, e.getKey());
        template.update(ADD, e.getValue(), e.getKey());
      }
    }
  }

  /** A transaction's summed changes, written before its commit and forgotten after it either way. */
  private final class Pending implements TransactionSynchronization {
    private final TreeMap<String, Long> deltas = new TreeMap<>();

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(ReservedTotals.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(ReservedTotals.this, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write(deltas);
    }

    @Override
    public void afterCompletion(int status) {
      if (status == STATUS_COMMITTED) {
        withRow.addAll(deltas.keySet());
      }
      TransactionSynchronizationManager.unbindResourceIfPossible(ReservedTotals.this);
    }
  }
}
