package com.tmallbridge.sandbox.erp;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What a merchant's accountant sets up once in Tryton before the bridge posts vouchers: account
 * types, the accounts of the bridge's default posting scheme (docs/money.md), fiscal years with
 * monthly periods around {@code year} (year − 1 to year + 1; {@code account.fiscalyear
 * create_period}) and the voucher journal {@code TMALL} with its own sequence (prefix {@code TM}).
 * Tryton 6.0 ships no chart of accounts; a fiscal year needs a move sequence ({@code ir.sequence}
 * of type "Account Move") and, with {@code account_invoice} installed, invoice sequences. The
 * receivable 1122 requires a party, as a real chart's receivable does.
 */
final class TrytonAccountingSetup {
  private static final Logger log = LoggerFactory.getLogger(TrytonAccountingSetup.class);

  /** Code, name, type key, party required. */
  private static final List<List<Object>> ACCOUNTS = List.of(
      List.of("1012", "其他货币资金-支付宝", "cash", false),
      List.of("1122", "应收账款", "receivable", true),
      List.of("2221", "应交税费-应交增值税(销项税额)", "tax", false),
      List.of("6001", "主营业务收入", "revenue", false),
      List.of("6051", "其他业务收入", "revenue", false),
      List.of("660101", "销售费用-平台佣金", "expense", false),
      List.of("660102", "销售费用-天猫积分", "expense", false),
      List.of("660103", "销售费用-技术服务费", "expense", false));

  private final TrytonRpc admin;

  TrytonAccountingSetup(TrytonRpc admin) {
    this.admin = admin;
  }

  void run(long company, Year year) {
    Map<String, Long> types = new LinkedHashMap<>();
    types.put("cash", type(company, Map.of("name", "货币资金", "statement", "balance", "assets", true)));
    types.put("receivable", type(company, Map.of("name", "应收款项", "statement", "balance", "assets", true, "receivable", true)));
    types.put("tax", type(company, Map.of("name", "应交税费", "statement", "balance")));
    types.put("revenue", type(company, Map.of("name", "营业收入", "statement", "income", "revenue", true)));
    types.put("expense", type(company, Map.of("name", "期间费用", "statement", "income", "expense", true)));
    List<Map<String, Object>> accounts = new ArrayList<>();
    for (List<Object> a : ACCOUNTS) {
      accounts.add(Map.of("code", a.get(0), "name", a.get(1), "type", types.get((String) a.get(2)), "company", company,
          "party_required", a.get(3), "reconcile", a.get(3)));
    }
    admin.model("account.account", "create", accounts);
    long moveType = sequenceType("Account Move");
    long invoiceType = sequenceType("Invoice");
    for (int y = year.getValue() - 1; y <= year.getValue() + 1; y++) {
      long moves = admin.model("ir.sequence", "create", List.of(Map.of("name", "Account Move " + y, "sequence_type", moveType,
          "company", company))).get(0).asLong();
      long invoices = admin.model("ir.sequence.strict", "create", List.of(Map.of("name", "Invoice " + y, "sequence_type", invoiceType,
          "company", company))).get(0).asLong();
      long fiscalYear = admin.model("account.fiscalyear", "create", List.of(Map.of("name", Integer.toString(y),
          "start_date", date(LocalDate.of(y, 1, 1)), "end_date", date(LocalDate.of(y, 12, 31)), "company", company,
          "post_move_sequence", moves, "invoice_sequences", List.of(List.of("create", List.of(Map.of("company", company,
              "in_invoice_sequence", invoices, "in_credit_note_sequence", invoices, "out_invoice_sequence", invoices,
              "out_credit_note_sequence", invoices))))))).get(0).asLong();
      admin.model("account.fiscalyear", "create_period", List.of(fiscalYear));
    }
    long journalSequence = admin.model("ir.sequence", "create", List.of(Map.of("name", "Tmall vouchers",
        "sequence_type", sequenceType("Account Journal"), "company", company, "prefix", "TM"))).get(0).asLong();
    admin.model("account.journal", "create", List.of(Map.of("name", "Tmall vouchers", "code", "TMALL", "type", "general",
        "sequence", journalSequence)));
    log.info("Tryton accounting set up: {} accounts, fiscal years {}-{} with monthly periods, journal TMALL",
        ACCOUNTS.size(), year.getValue() - 1, year.getValue() + 1);
  }

  private long type(long company, Map<String, Object> values) {
    Map<String, Object> all = new LinkedHashMap<>(values);
    all.put("company", company);
    return admin.model("account.account.type", "create", List.of(all)).get(0).asLong();
  }

  private long sequenceType(String name) {
    JsonNode ids = admin.model("ir.sequence.type", "search", List.of(List.of("name", "=", name)), 0, 1, null);
    if (ids.isEmpty()) {
      throw new IllegalStateException("the Tryton database has no sequence type '" + name + "' (is the account module activated?)");
    }
    return ids.get(0).asLong();
  }

  private static Map<String, Object> date(LocalDate day) {
    return Map.of("__class__", "date", "year", day.getYear(), "month", day.getMonthValue(), "day", day.getDayOfMonth());
  }
}
