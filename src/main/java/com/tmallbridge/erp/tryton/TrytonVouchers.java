package com.tmallbridge.erp.tryton;

import static com.tmallbridge.erp.tryton.TrytonClient.args;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.core.VoucherEntry;
import com.tmallbridge.erp.ConnectorException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Vouchers as Tryton account moves ({@code account.move}) in the journal {@code
 * bridge.erp.tryton.voucher-journal}, in the open standard period holding the voucher's date, one
 * move line per entry (the explanation and trade in the line's description), posted. The voucher
 * key is the move's {@code description}; Tryton has no unique index on it, so, as {@link
 * TrytonSales} does for sales: <em>create, then verify</em>. A post first looks the key up; when
 * Tryton holds no move with it, it creates a draft, then reads every move with the key again. The
 * winner is the lowest id among posted moves, else the lowest id; it is posted if still draft, and
 * the other drafts are deleted. So a repeat, a retry after a lost response and concurrent posts of
 * one key leave one move. The ERP's voucher number is the move's {@code number} (from the
 * journal's sequence). A line on an account that requires a party gets the party {@code
 * bridge.erp.tryton.customer-party} when set, else the shop's party (code {@code TMALL-<shop>},
 * created on first use).
 */
final class TrytonVouchers {
  private static final List<String> MOVE_FIELDS = List.of("number", "state");

  private final TrytonClient client;
  private final TrytonProperties properties;
  private final TrytonCustomers customers;

  TrytonVouchers(TrytonClient client, TrytonProperties properties, TrytonCustomers customers) {
    this.client = client;
    this.properties = properties;
    this.customers = customers;
  }

  Optional<ErpDocNo> find(String key) {
    return winner(moves(key)).map(m -> new ErpDocNo(m.number()));
  }

  ErpDocNo post(Voucher voucher) {
    List<Move> seen = moves(voucher.key());
    Optional<Move> existing = winner(seen);
    if (existing.isPresent()) {
      return complete(existing.get(), seen);
    }
    Map<String, Account> accounts = accounts(voucher);
    long journal = journal();
    long period = period(voucher);
    Long party = null;
    List<Map<String, Object>> lines = new ArrayList<>();
    for (VoucherEntry e : voucher.entries()) {
      Account account = accounts.get(e.account());
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("account", account.id());
      line.put("debit", TrytonMapper.decimal(e.debitFen()));
      line.put("credit", TrytonMapper.decimal(e.creditFen()));
      line.put("description", description(voucher, e));
      if (account.partyRequired()) {
        if (party == null) {
          party = shopParty(voucher.shop());
        }
        line.put("party", party);
      }
      lines.add(line);
    }
    Map<String, Object> move = new LinkedHashMap<>();
    move.put("journal", journal);
    move.put("period", period);
    move.put("date", TrytonMapper.date(voucher.date()));
    move.put("description", voucher.key());
    move.put("lines", List.of(List.of("create", lines)));
    long created = client.call("account.move", "create", List.of(List.of(move))).get(0).asLong();
    List<Move> now = moves(voucher.key());
    Move winner = winner(now).orElseThrow(() -> new ConnectorException(TrytonErrorCode.SERVER_FAULT, false,
        "Tryton does not find the account move " + created + " it just created for voucher " + voucher.key()));
    return complete(winner, now);
  }

  /** Posts the winner if still draft, deletes the other drafts seen, returns the winner's number. */
  private ErpDocNo complete(Move winner, List<Move> seen) {
    if (!winner.posted()) {
      try {
        client.call("account.move", "post", List.of(List.of(winner.id())));
      } catch (ConnectorException e) {
        Move reread = read(winner.id());
        if (!reread.posted()) {
          throw e;
        }
      }
    }
    for (Move m : seen) {
      if (m.id() != winner.id() && !m.posted()) {
        try {
          client.call("account.move", "delete", List.of(List.of(m.id())));
        } catch (ConnectorException e) {
          // a draft another caller deleted or posted first; reads prefer the posted lowest id anyway
        }
      }
    }
    return new ErpDocNo(winner.number());
  }

  private static String description(Voucher voucher, VoucherEntry e) {
    String text = voucher.explanation() + (e.tid() == null ? "" : " [tid " + e.tid() + "]");
    return text.length() > 250 ? text.substring(0, 250) : text;
  }

  private Map<String, Account> accounts(Voucher voucher) {
    Set<String> codes = new TreeSet<>();
    voucher.entries().forEach(e -> codes.add(e.account()));
    Map<String, Account> found = new HashMap<>();
    JsonNode rows = client.call("account.account", "search_read", args(List.of(List.of("code", "in", List.copyOf(codes)),
        args("type", "!=", null), List.of("closed", "!=", true)), 0, null, null, List.of("code", "party_required")));
    for (JsonNode row : rows) {
      found.put(row.get("code").asString(), new Account(row.get("id").asLong(), row.path("party_required").asBoolean(false)));
    }
    Set<String> missing = new TreeSet<>(codes);
    missing.removeAll(found.keySet());
    if (!missing.isEmpty()) {
      throw new ConnectorException(TrytonErrorCode.VOUCHER_REFUSED, false, "voucher " + voucher.key()
          + " names account(s) " + missing + " that Tryton does not have as open accounts with a type");
    }
    return found;
  }

  private long journal() {
    JsonNode ids = client.call("account.journal", "search", args(List.of(List.of("code", "=", properties.voucherJournal())), 0, 1, null));
    if (ids.isEmpty()) {
      throw new ConnectorException(TrytonErrorCode.VOUCHER_REFUSED, false, "Tryton has no journal with code '"
          + properties.voucherJournal() + "' (bridge.erp.tryton.voucher-journal); create it with a sequence");
    }
    return ids.get(0).asLong();
  }

  private long period(Voucher voucher) {
    Object day = TrytonMapper.date(voucher.date());
    JsonNode ids = client.call("account.period", "search", args(List.of(List.of("start_date", "<=", day), List.of("end_date", ">=", day),
        List.of("type", "=", "standard"), List.of("state", "=", "open")), 0, 1, null));
    if (ids.isEmpty()) {
      throw new ConnectorException(TrytonErrorCode.VOUCHER_REFUSED, false, "voucher " + voucher.key() + ": Tryton has no open period"
          + " holding " + voucher.date() + "; create the fiscal year and its periods (account.fiscalyear create_period)");
    }
    return ids.get(0).asLong();
  }

  private long shopParty(String shop) {
    String code = properties.customerParty() != null ? properties.customerParty() : "TMALL-" + shop;
    Optional<Long> found = customers.partyId(code);
    if (found.isPresent()) {
      return found.get();
    }
    try {
      client.call("party.party", "create", List.of(List.of(Map.of("name", "天猫店铺 " + shop, "code", code))));
    } catch (ConnectorException e) {
      if (customers.partyId(code).isEmpty()) {
        throw e;
      }
    }
    return customers.partyId(code).orElseThrow();
  }

  /**
   * Every move with the key, lowest id first. As in {@link TrytonSales}, a search_read fails when a
   * concurrent caller deletes a draft between its search and its read; the lookup is then made
   * again, at most five times in all (a re-read inside create-then-verify, not a retried write).
   */
  private List<Move> moves(String key) {
    for (int attempt = 1; ; attempt++) {
      try {
        List<Move> moves = new ArrayList<>();
        client.call("account.move", "search_read", args(List.of(List.of("description", "=", key)), 0, null,
            List.of(List.of("id", "ASC")), MOVE_FIELDS)).forEach(row -> moves.add(move(row)));
        return moves;
      } catch (ConnectorException e) {
        String message = String.valueOf(e.getMessage());
        if (attempt == 5 || !(message.contains("don't exist anymore") || message.contains("You are not allowed to read records"))) {
          throw e;
        }
      }
    }
  }

  private Move read(long id) {
    return move(client.call("account.move", "read", List.of(List.of(id), MOVE_FIELDS)).get(0));
  }

  private static Move move(JsonNode row) {
    return new Move(row.get("id").asLong(), row.get("number").asString(), "posted".equals(row.get("state").asString()));
  }

  /** The lowest id among posted moves, else the lowest id. */
  private static Optional<Move> winner(List<Move> moves) {
    Comparator<Move> byId = Comparator.comparingLong(Move::id);
    Optional<Move> posted = moves.stream().filter(Move::posted).min(byId);
    return posted.isPresent() ? posted : moves.stream().min(byId);
  }

  /** The entries of the move with {@code number}, for checks; empty when there is none. */
  List<VoucherEntry> entries(ErpDocNo number) {
    JsonNode ids = client.call("account.move", "search", args(List.of(List.of("number", "=", number.value())), 0, 1, null));
    if (ids.isEmpty()) {
      return List.of();
    }
    List<VoucherEntry> entries = new ArrayList<>();
    client.call("account.move.line", "search_read", args(List.of(List.of("move", "=", ids.get(0).asLong())), 0, null,
        List.of(List.of("id", "ASC")), List.of("account.code", "debit", "credit"))).forEach(row -> entries.add(new VoucherEntry(
            row.get("account.").get("code").asString(), TrytonMapper.fen(row.get("debit")), TrytonMapper.fen(row.get("credit")), null)));
    return entries;
  }

  private record Account(long id, boolean partyRequired) {}

  private record Move(long id, String number, boolean posted) {}
}
