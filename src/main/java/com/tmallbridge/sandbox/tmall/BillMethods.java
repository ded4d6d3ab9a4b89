package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bill methods (自研商家 only on real TOP):
 *
 * <ul>
 *   <li>{@code taobao.bill.accounts.get}: {@code fields} required, optional {@code aids} (ids,
 *       comma-separated, at most 200) → {@code accounts} and {@code total_results}.
 *   <li>{@code taobao.bill.bills.get}: {@code fields}, {@code start_time}, {@code end_time}
 *       required (inclusive, second precision; {@code end_time - start_time} at most one day unless
 *       {@code trade_id} or {@code order_id} is given, else code 15 {@code
 *       isv.invalid-parameter:end_time}); {@code time_type} 1 = {@code biz_time}, 2 = {@code
 *       pay_time} (default; unpaid lines have none and never match); optional {@code trade_id},
 *       {@code order_id}, {@code account_id}; {@code page_no} 1..100, {@code page_size} 40..100
 *       (default 40), else code 41. Sorted by the queried time newest first, then bid. At most
 *       5,000 lines can be read per query window: {@code total_results} is capped at 5,000 and
 *       {@code has_next} turns false at the 5,000th line, so a client seeing 5,000 must split the
 *       window.
 *   <li>{@code taobao.bill.book.bills.get}: {@code fields}, {@code account_id} (must be the
 *       virtual account), {@code start_time}, {@code end_time} (at most 30 days) required; {@code
 *       journal_types} among 101..106; {@code page_no} ≥ 1, {@code page_size} 1..100 (default 40).
 *       The journal holds one {@code 102} (available deduction) per paid fee line, {@code book_time}
 *       = its pay time.
 * </ul>
 */
final class BillMethods {
  static final int MAX_RESULTS = 5_000;
  static final int MAX_PAGE_NO = 100;
  private static final Duration MAX_WINDOW = Duration.ofDays(1);
  private static final Duration MAX_BOOK_WINDOW = Duration.ofDays(30);
  private static final Set<Integer> JOURNAL_TYPES = Set.of(101, 102, 103, 104, 105, 106);

  private final BillBook book;
  private final List<BillAccount> accounts;
  private final BillJsonWriter writer;
  private final Clock clock;
  private final Instant accountsCreated;

  BillMethods(BillBook book, List<BillAccount> accounts, BillJsonWriter writer, Clock clock) {
    this.book = book;
    this.accounts = List.copyOf(accounts);
    this.writer = writer;
    this.clock = clock;
    this.accountsCreated = TopTime.seconds(clock.instant().minus(Duration.ofDays(400)));
  }

  ObjectNode accountsGet(ApiCall call) {
    FieldSelection fields = call.params().fields();
    @Nullable String aids = call.params().optional("aids");
    Set<Long> wanted = null;
    if (aids != null) {
      wanted = new HashSet<>();
      String[] parts = aids.split(",");
      if (parts.length > 200) {
        throw TopError.invalidArgument("aids", "aids takes at most 200 account ids, got " + parts.length);
      }
      for (String part : parts) {
        try {
          wanted.add(Long.parseLong(part.trim()));
        } catch (NumberFormatException e) {
          throw TopError.invalidArgument("aids", "aids must be account ids separated by commas, got '" + aids + "'");
        }
      }
    }
    List<ObjectNode> written = new ArrayList<>();
    for (BillAccount account : accounts) {
      if (wanted == null || wanted.contains(account.accountId())) {
        written.add(BillJsonWriter.account(account, fields, call.shape(), accountsCreated));
      }
    }
    ObjectNode body = ResponseShape.object();
    body.put("total_results", written.size());
    call.shape().list(body, "accounts", "account", written);
    return body;
  }

  ObjectNode billsGet(ApiCall call) {
    BusinessParams params = call.params();
    FieldSelection fields = params.fields();
    Instant start = params.requiredTime("start_time");
    Instant end = params.requiredTime("end_time");
    int timeType = params.intInRange("time_type", 2, 1, 2);
    @Nullable Long tid = optionalLong(params, "trade_id");
    @Nullable Long oid = optionalLong(params, "order_id");
    @Nullable Long accountId = optionalLong(params, "account_id");
    if (end.isBefore(start)) {
      throw TopError.ruleViolation("end_time", "end_time must not be earlier than start_time");
    }
    if (tid == null && oid == null && Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
      throw TopError.ruleViolation("end_time",
          "结束时间-开始时间不能大于1天: end_time - start_time must not exceed one day unless trade_id or order_id is given");
    }
    int pageNo = params.intInRange("page_no", 1, 1, MAX_PAGE_NO);
    int pageSize = params.intInRange("page_size", 40, 40, 100);
    long offset = (long) (pageNo - 1) * pageSize;
    Instant now = clock.instant();
    int limit = (int) Math.max(0, Math.min(pageSize, MAX_RESULTS - offset));
    BillBook.Page page = book.query(
        new BillBook.Query(timeType == 2, start, end, tid, oid, accountId, offset, limit), now);
    int reachable = Math.min(page.total(), MAX_RESULTS);
    ObjectNode body = ResponseShape.object();
    body.put("total_results", reachable);
    body.put("has_next", offset + pageSize < reachable);
    List<ObjectNode> written = new ArrayList<>(page.lines().size());
    for (BillLine line : page.lines()) {
      written.add(writer.bill(line, now, fields, call.shape()));
    }
    call.shape().list(body, "bills", "bill", written);
    return body;
  }

  ObjectNode bookBillsGet(ApiCall call) {
    BusinessParams params = call.params();
    FieldSelection fields = params.fields();
    long accountId = params.requiredLong("account_id");
    Instant start = params.requiredTime("start_time");
    Instant end = params.requiredTime("end_time");
    if (end.isBefore(start)) {
      throw TopError.ruleViolation("end_time", "end_time must not be earlier than start_time");
    }
    if (Duration.between(start, end).compareTo(MAX_BOOK_WINDOW) > 0) {
      throw TopError.ruleViolation("end_time",
          "end_time与start_time相差不能超过30天: end_time - start_time must not exceed 30 days");
    }
    Set<Integer> journalTypes = journalTypes(params.optional("journal_types"));
    int pageNo = params.intInRange("page_no", 1, 1, Integer.MAX_VALUE);
    int pageSize = params.intInRange("page_size", 40, 1, 100);
    long virtual = book.account(BillAccount.VIRTUAL);
    if (accountId != virtual) {
      throw TopError.of(15, "Remote service error", "isv.invalid-parameter:account_id",
          "account " + accountId + " is not the shop's virtual account (" + virtual + ")");
    }
    Instant now = clock.instant();
    List<BillLine> entries = new ArrayList<>();
    if (journalTypes.isEmpty() || journalTypes.contains(102)) {
      for (BillLine line : book.all()) {
        Instant booked = line.payTimeAt(now);
        if (booked != null && isFee(line.accountType()) && line.amountFen() > 0
            && !booked.isBefore(start) && !booked.isAfter(end)) {
          entries.add(line);
        }
      }
    }
    entries.sort((a, b) -> {
      int byTime = b.plannedPayTime().compareTo(a.plannedPayTime());
      return byTime != 0 ? byTime : Long.compare(b.bid(), a.bid());
    });
    long offset = (long) (pageNo - 1) * pageSize;
    List<ObjectNode> written = new ArrayList<>();
    for (long i = offset; i < Math.min(entries.size(), offset + pageSize); i++) {
      written.add(BillJsonWriter.bookBill(entries.get((int) i), virtual, fields, call.shape(), now));
    }
    ObjectNode body = ResponseShape.object();
    body.put("total_results", written.size());
    body.put("has_next", offset + pageSize < entries.size());
    call.shape().list(body, "bills", "book_bill", written);
    return body;
  }

  private static boolean isFee(int type) {
    return type == BillAccount.COMMISSION || type == BillAccount.SERVICE_FEE || type == BillAccount.POINTS;
  }

  private static Set<Integer> journalTypes(@Nullable String value) {
    Set<Integer> types = new HashSet<>();
    if (value == null) {
      return types;
    }
    for (String part : value.split(",")) {
      try {
        int type = Integer.parseInt(part.trim());
        if (JOURNAL_TYPES.contains(type)) {
          types.add(type);
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw TopError.invalidArgument("journal_types", "journal_types must be among 101..106, got '" + value + "'");
    }
    return types;
  }

  private static @Nullable Long optionalLong(BusinessParams params, String name) {
    return params.optional(name) == null ? null : params.requiredLong(name);
  }
}
