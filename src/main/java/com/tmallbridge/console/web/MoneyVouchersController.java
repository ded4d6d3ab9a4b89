package com.tmallbridge.console.web;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.console.Role;
import com.tmallbridge.console.job.ConsoleJobs;
import com.tmallbridge.console.job.JobRefusedException;
import com.tmallbridge.console.job.JobView;
import com.tmallbridge.console.job.VoucherPostWork;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.core.VoucherEntry;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.embedded.operations.EmbeddedErpOperations;
import com.tmallbridge.erp.embedded.operations.TrialBalance;
import com.tmallbridge.finance.ChartOfAccounts;
import com.tmallbridge.finance.PostedVoucher;
import com.tmallbridge.finance.PostingSchemes;
import com.tmallbridge.finance.ReportRange;
import com.tmallbridge.finance.VoucherPosting;
import com.tmallbridge.shop.Shop;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 财务 · 凭证 (Money → Vouchers): the posting records of the user's shops (or one) for a Tmall day or
 * every day, paged, each with its status, ERP number, attempts, error and debit (= credit) total;
 * one voucher with its entry count, totals and sums per account, and its entries {@value
 * #ENTRY_PAGE_SIZE} a page ({@code GET /money/vouchers/voucher?key=&page=}); the posting scheme in
 * force for the chosen shop (or the default), read-only; the built-in ERP's trial balance line when
 * it is the active ERP (it sums the whole ledger, every shop's, so only users of every shop see it); and, for admins, "post this day" ({@code POST /money/vouchers/post}): one
 * {@link VoucherPostWork} console job per shop, which also retries the day's {@code FAILED}
 * vouchers, shown with its progress bar and recorded in the audit log as {@code JOB} entries.
 * Read through {@link VoucherPosting} and {@link PostingSchemes}; who may reach what is {@link
 * com.tmallbridge.console.AccessRules}' (admin and auditor read, admin posts). A voucher of a shop
 * outside the user's scope answers 404.
 */
@Controller
@ConditionalOnWebApplication
class MoneyVouchersController {
  /** Records per page. */
  static final int PAGE_SIZE = 50;
  /** Entries per page of one voucher (a summary voucher can have thousands). */
  static final int ENTRY_PAGE_SIZE = 100;
  private static final String BUILT_IN_ERP = "embedded";

  private final VoucherPosting posting;
  private final PostingSchemes schemes;
  private final VisibleShops shops;
  private final ConsoleJobs jobs;
  private final ErpRegistry erp;
  private final ObjectProvider<EmbeddedErpOperations> builtIn;
  private final Clock clock;

  MoneyVouchersController(VoucherPosting posting, PostingSchemes schemes, VisibleShops shops, ConsoleJobs jobs, ErpRegistry erp,
      ObjectProvider<EmbeddedErpOperations> builtIn, Clock clock) {
    this.posting = posting;
    this.schemes = schemes;
    this.shops = shops;
    this.jobs = jobs;
    this.erp = erp;
    this.builtIn = builtIn;
    this.clock = clock;
  }

  @GetMapping("/money/vouchers")
  String list(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "shop", required = false) @Nullable String shop,
      @RequestParam(name = "date", required = false) @Nullable String date, @RequestParam(name = "page", defaultValue = "0") int page,
      Model model) {
    List<Shop> chosen = shops.chosen(user, shop);
    List<ShopId> ids = chosen.stream().map(Shop::id).toList();
    Map<ShopId, String> codes = codes(user);
    String dateText = date == null ? "" : date.strip();
    LocalDate day = null;
    if (!dateText.isEmpty()) {
      try {
        day = LocalDate.parse(dateText);
      } catch (DateTimeParseException e) {
        model.addAttribute("problem", "date " + dateText + " is not a date: give it as yyyy-MM-dd");
      }
    }
    int current = Math.max(0, page);
    long total = posting.count(ids, day);
    model.addAttribute("fmt", ViewFormat.INSTANCE);
    model.addAttribute("shops", shops.of(user));
    model.addAttribute("shop", shop == null ? "" : shop.strip());
    model.addAttribute("date", dateText);
    model.addAttribute("postDate", day != null ? day.toString() : LocalDate.now(clock.withZone(ReportRange.ZONE)).minusDays(1).toString());
    model.addAttribute("vouchers", posting.page(ids, day, current * PAGE_SIZE, PAGE_SIZE).stream().map(v -> Row.of(v, codes)).toList());
    model.addAttribute("total", total);
    model.addAttribute("page", current);
    model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
    model.addAttribute("mayPost", user.role() == Role.ADMIN);
    Shop schemeShop = chosen.size() == 1 && shop != null && !shop.isBlank() ? chosen.get(0) : null;
    model.addAttribute("schemeShop", schemeShop == null ? "" : schemeShop.code());
    ChartOfAccounts chart = ChartOfAccounts.seeded();
    model.addAttribute("scheme", schemes.show(schemeShop == null ? null : schemeShop.id()).stream().map(l -> new SchemeRow(
        l.rule().kind().name(), account(chart, l.rule().debitAccount()), account(chart, l.rule().creditAccount()),
        l.rule().vatAccount() == null ? "" : account(chart, l.rule().vatAccount()),
        l.rule().vatRate() == null ? "" : l.rule().vatRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%",
        l.rule().explanation(), l.shopOwn())).toList());
    model.addAttribute("jobs", jobs.list(ids).stream().filter(j -> j.kind().equals(VoucherPostWork.KIND)).limit(10).toList());
    if (user.scope().all()) {
      trialBalance().ifPresent(tb -> model.addAttribute("trialBalance", tb));
    }
    return "money-vouchers";
  }

  @GetMapping("/money/vouchers/voucher")
  String voucher(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam("key") String key,
      @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
    VoucherPosting.VoucherDetail detail = posting.detail(key).filter(d -> user.scope().allows(d.record().shopId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such voucher"));
    PostedVoucher record = detail.record();
    List<VoucherEntry> entries = detail.entries();
    boolean fromLedger = false;
    if (PostedVoucher.POSTED.equals(record.status()) && record.erpVoucherNo() != null && BUILT_IN_ERP.equals(record.connector())
        && isBuiltInActive()) {
      Optional<Voucher> held = builtIn.getObject().voucher(new ErpDocNo(record.erpVoucherNo()));
      if (held.isPresent()) {
        entries = held.get().entries();
        fromLedger = true;
      }
    }
    ChartOfAccounts chart = ChartOfAccounts.seeded();
    List<EntryRow> rows = new ArrayList<>();
    long debit = 0;
    long credit = 0;
    Map<String, long[]> perAccount = new java.util.TreeMap<>();
    int current = Math.max(0, page);
    int from = current * ENTRY_PAGE_SIZE;
    for (int i = 0; i < entries.size(); i++) {
      VoucherEntry e = entries.get(i);
      if (i >= from && i < from + ENTRY_PAGE_SIZE) {
        rows.add(new EntryRow(e.account(), chart.name(e.account()).orElse(""), e.debitFen(), e.creditFen(), record.explanation(),
            e.tid() == null ? "" : e.tid()));
      }
      debit += e.debitFen();
      credit += e.creditFen();
      long[] sums = perAccount.computeIfAbsent(e.account(), a -> new long[3]);
      sums[0] += e.debitFen();
      sums[1] += e.creditFen();
      sums[2]++;
    }
    List<AccountRow> accounts = new ArrayList<>();
    perAccount.forEach((code, sums) -> accounts.add(new AccountRow(code, chart.name(code).orElse(""), sums[0], sums[1], (int) sums[2])));
    model.addAttribute("fmt", ViewFormat.INSTANCE);
    model.addAttribute("v", Row.of(record, codes(user)));
    model.addAttribute("entries", rows);
    model.addAttribute("debitFen", debit);
    model.addAttribute("creditFen", credit);
    model.addAttribute("fromLedger", fromLedger);
    model.addAttribute("entryCount", entries.size());
    model.addAttribute("accounts", accounts);
    model.addAttribute("page", current);
    model.addAttribute("pages", Math.max(1, (entries.size() + ENTRY_PAGE_SIZE - 1) / ENTRY_PAGE_SIZE));
    model.addAttribute("hasNext", from + ENTRY_PAGE_SIZE < entries.size());
    return "money-voucher";
  }

  /**
   * Starts posting the day's vouchers of the chosen shop (blank: each of the user's shops) as one
   * console job per shop, and returns to the list of that day.
   */
  @PostMapping("/money/vouchers/post")
  String post(@AuthenticationPrincipal ConsolePrincipal user, @RequestParam(name = "shop", required = false) @Nullable String shop,
      @RequestParam("date") String date, HttpServletRequest request, RedirectAttributes flash) {
    List<Shop> chosen = shops.chosen(user, shop);
    String back = UriComponentsBuilder.fromPath("/money/vouchers").queryParam("shop", shop == null ? "" : shop.strip())
        .queryParam("date", date.strip()).build().encode().toUriString();
    LocalDate day;
    try {
      day = LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      flash.addFlashAttribute("problem", "date '" + date + "' is not a date: give it as yyyy-MM-dd");
      return "redirect:/money/vouchers";
    }
    List<String> started = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    Actor by = new Actor(user.getUsername(), request.getRemoteAddr());
    for (Shop s : chosen) {
      try {
        JobView job = jobs.start(VoucherPostWork.KIND, s.id(), s.code(), by, new VoucherPostWork(posting, s.id(), day));
        started.add(s.code() + ": job " + job.id());
      } catch (JobRefusedException e) {
        refused.add(e.getMessage());
      }
    }
    if (!started.isEmpty()) {
      flash.addFlashAttribute("outcome", String.join(", ", started));
    }
    if (!refused.isEmpty()) {
      flash.addFlashAttribute("problem", String.join("; ", refused));
    }
    return "redirect:" + back;
  }

  private Optional<TrialBalance> trialBalance() {
    return isBuiltInActive() ? Optional.of(builtIn.getObject().trialBalance()) : Optional.empty();
  }

  private boolean isBuiltInActive() {
    return BUILT_IN_ERP.equals(erp.activeId()) && builtIn.getIfAvailable() != null;
  }

  private Map<ShopId, String> codes(ConsolePrincipal user) {
    Map<ShopId, String> codes = new LinkedHashMap<>();
    shops.of(user).forEach(s -> codes.put(s.id(), s.code()));
    return codes;
  }

  private static String account(ChartOfAccounts chart, String code) {
    return chart.name(code).map(n -> code + " " + n).orElse(code);
  }

  /**
   * A posting record as the list shows it.
   *
   * @param key the voucher key
   * @param shopCode its shop's code
   * @param date its Tmall day
   * @param kind its kind
   * @param explanation its explanation
   * @param totalFen debit total (= credit total)
   * @param status POSTED, FAILED or PENDING
   * @param erpVoucherNo the ERP's number, empty before it is posted
   * @param attempts times sent
   * @param error the last failure, empty when none
   * @param connector the ERP connector
   */
  record Row(String key, String shopCode, LocalDate date, String kind, String explanation, long totalFen, String status,
      String erpVoucherNo, int attempts, String error, String connector) {
    static Row of(PostedVoucher v, Map<ShopId, String> codes) {
      return new Row(v.key(), codes.getOrDefault(v.shopId(), "?"), v.date(), v.kind().name(), v.explanation(), v.totalFen(), v.status(),
          v.erpVoucherNo() == null ? "" : v.erpVoucherNo(), v.attempts(), v.error() == null ? "" : v.error(), v.connector());
    }
  }

  /**
   * One entry of a voucher.
   *
   * @param account the account code
   * @param name its name in the seeded chart, empty when not there
   * @param debitFen debit, 0 on a credit entry
   * @param creditFen credit, 0 on a debit entry
   * @param explanation the voucher's explanation (摘要)
   * @param tid the Tmall trade of the entry (auxiliary accounting by order), empty when none
   */
  record EntryRow(String account, String name, long debitFen, long creditFen, String explanation, String tid) {}

  /**
   * The entries of one voucher on one account, summed (a summary voucher's overview).
   *
   * @param account the account code
   * @param name its name in the seeded chart, empty when not there
   * @param debitFen debits on it
   * @param creditFen credits on it
   * @param entries how many entries
   */
  record AccountRow(String account, String name, long debitFen, long creditFen, int entries) {}

  /**
   * One rule of the scheme in force.
   *
   * @param kind the kind of event
   * @param debit the debit account, code and name
   * @param credit the credit account
   * @param vat the output VAT account, empty when none
   * @param vatRate the VAT rate in percent, empty when none
   * @param explanation the explanation template
   * @param shopOwn whether it is the shop's own rule (else the default)
   */
  record SchemeRow(String kind, String debit, String credit, String vat, String vatRate, String explanation, boolean shopOwn) {}
}
