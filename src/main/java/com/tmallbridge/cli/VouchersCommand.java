package com.tmallbridge.cli;

import com.tmallbridge.core.Money;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.finance.PostedVoucher;
import com.tmallbridge.finance.PostingKind;
import com.tmallbridge.finance.PostingRule;
import com.tmallbridge.finance.PostingSchemes;
import com.tmallbridge.finance.VoucherGranularity;
import com.tmallbridge.finance.VoucherPosting;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vouchers list|post|scheme show|scheme set|scheme reset}. */
@Command(name = "vouchers", description = "Vouchers (凭证) posted to the ERP under the posting scheme.", mixinStandardHelpOptions = true,
    subcommands = {VouchersCommand.ListVouchers.class, VouchersCommand.Post.class, VouchersCommand.Scheme.class})
class VouchersCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("vouchers").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "What was posted (or failed), newest day first.", mixinStandardHelpOptions = true)
  static class ListVouchers implements Callable<Integer> {
    @ParentCommand VouchersCommand parent;

    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop.") String shopCode;
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Only vouchers of this day (Asia/Shanghai).") String date;
    @Option(names = "--limit", defaultValue = "1000", description = "At most this many (default: ${DEFAULT-VALUE}).") int limit;

    @Override
    public Integer call() {
      if (limit < 1) {
        throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
      }
      LocalDate day = day(date);
      var runtime = parent.root.runtime();
      ShopManagement shops = runtime.bean(ShopManagement.class);
      Shop shop = shop(shops, shopCode);
      List<PostedVoucher> vouchers = runtime.bean(VoucherPosting.class).list(shop == null ? null : shop.id(), day, limit);
      Map<Long, String> codes = new LinkedHashMap<>();
      shops.list().forEach(s -> codes.put(s.id().value(), s.code()));
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(vouchers.stream().map(v -> describe(v, codes.getOrDefault(v.shopId().value(), "?"))).toList());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (PostedVoucher v : vouchers) {
        rows.add(List.of(v.date().toString(), codes.getOrDefault(v.shopId().value(), "?"), v.key(), v.kind().name(),
            Money.formatYuan(v.totalFen()), v.status(), Output.orDash(v.erpVoucherNo()), Integer.toString(v.attempts()),
            Output.orDash(v.error())));
      }
      out.table(List.of("DATE", "SHOP", "KEY", "KIND", "TOTAL", "STATUS", "ERP NO", "TRIES", "ERROR"), rows);
      out.line(vouchers.size() + " voucher(s)");
      return 0;
    }
  }

  @Command(name = "post", description = "Plan and post vouchers through the active ERP; failed ones are retried.",
      mixinStandardHelpOptions = true)
  static class Post implements Callable<Integer> {
    @ParentCommand VouchersCommand parent;

    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop (default: every shop).") String shopCode;
    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
        description = "Only events of this day (Asia/Shanghai); default: every event up to now not posted yet.") String date;

    @Override
    public Integer call() {
      LocalDate day = day(date);
      var runtime = parent.root.runtime();
      Shop shop = shop(runtime.bean(ShopManagement.class), shopCode);
      VoucherPosting posting = runtime.bean(VoucherPosting.class);
      List<VoucherPosting.PostingReport> reports = posting.postAudited(shop == null ? null : shop.id(), day);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      boolean failed = reports.stream().anyMatch(r -> !r.failures().isEmpty());
      if (parent.root.json) {
        out.json(reports);
      } else {
        for (VoucherPosting.PostingReport r : reports) {
          out.line("shop " + r.shop() + " -> " + r.connector() + ": " + r.planned() + " planned, " + r.posted() + " posted, "
              + r.alreadyPosted() + " already posted, " + r.failures().size() + " failed");
          r.failures().forEach(f -> out.line("  FAILED " + f.key() + ": " + f.error()));
        }
      }
      return failed ? 1 : 0;
    }
  }

  @Command(name = "scheme", description = "The posting scheme: which accounts each kind of event posts to.",
      mixinStandardHelpOptions = true, subcommands = {SchemeShow.class, SchemeSet.class, SchemeReset.class})
  static class Scheme implements Runnable {
    @ParentCommand VouchersCommand parent;

    @Override
    public void run() {
      parent.root.spec.commandLine().getSubcommands().get("vouchers").getSubcommands().get("scheme")
          .usage(parent.root.spec.commandLine().getErr());
    }
  }

  @Command(name = "show", description = "The rules in force for a shop (or the default).", mixinStandardHelpOptions = true)
  static class SchemeShow implements Callable<Integer> {
    @ParentCommand Scheme parent;

    @Option(names = "--shop", paramLabel = "CODE", description = "The shop (default: the default rules).") String shopCode;

    @Override
    public Integer call() {
      BridgeCommand root = parent.parent.root;
      var runtime = root.runtime();
      Shop shop = shop(runtime.bean(ShopManagement.class), shopCode);
      ShopId id = shop == null ? null : shop.id();
      PostingSchemes schemes = runtime.bean(PostingSchemes.class);
      var lines = schemes.show(id);
      PostingSchemes.Granularity granularity = schemes.granularity(id);
      String granularitySource = granularity.shopOwn() ? "shop" : "default";
      Output out = new Output(root.spec.commandLine().getOut());
      if (root.json) {
        out.json(lines.stream().map(l -> {
          Map<String, Object> m = describe(l.rule());
          m.put("source", l.shopOwn() ? "shop" : "default");
          m.put("granularity", granularity.value().name());
          m.put("granularitySource", granularitySource);
          return m;
        }).toList());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (var l : lines) {
        PostingRule r = l.rule();
        rows.add(List.of(r.kind().name(), r.debitAccount(), r.creditAccount(), Output.orDash(r.vatAccount()),
            r.vatRate() == null ? "-" : r.vatRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%", r.explanation(),
            r.summary(), l.shopOwn() ? "shop" : "default"));
      }
      out.table(List.of("KIND", "DEBIT", "CREDIT", "VAT", "RATE", "EXPLANATION", "SUMMARY", "SOURCE"), rows);
      out.line("granularity: " + granularity.value() + " (" + granularitySource + ")");
      return 0;
    }
  }

  @Command(name = "set", description = "Change one kind's rule, or the voucher granularity, for a shop (or the default); audited.",
      mixinStandardHelpOptions = true)
  static class SchemeSet implements Callable<Integer> {
    @ParentCommand Scheme parent;

    @Option(names = "--shop", paramLabel = "CODE", description = "The shop (default: change the default rules).") String shopCode;
    @Option(names = "--granularity", paramLabel = "DAY|LINE",
        description = "Vouchers per day and kind (DAY, summary vouchers) or per event (LINE).") String granularity;
    @Option(names = "--kind", description = "SALE, POST_FEE, RECEIPT, COMMISSION, POINTS, SERVICE_FEE or REFUND (needed to change a rule).")
    String kind;
    @Option(names = "--debit", paramLabel = "ACCOUNT", description = "Debit account code.") String debit;
    @Option(names = "--credit", paramLabel = "ACCOUNT", description = "Credit account code.") String credit;
    @Option(names = "--vat-account", paramLabel = "ACCOUNT", description = "VAT account code.") String vatAccount;
    @Option(names = "--vat-rate", paramLabel = "RATE", description = "VAT rate as a decimal, e.g. 0.13 for 13%.") String vatRate;
    @Option(names = "--no-vat", description = "No VAT split for this kind.") boolean noVat;
    @Option(names = "--explanation", paramLabel = "TEMPLATE",
        description = "Explanation template; placeholders {tid}, {bid}, {shop}, {date}, {erp}.") String explanation;
    @Option(names = "--summary", paramLabel = "TEMPLATE",
        description = "Summary voucher explanation template; placeholders {shop}, {date}, {count}.") String summary;

    @Override
    public Integer call() {
      boolean ruleChange = debit != null || credit != null || vatAccount != null || vatRate != null || noVat || explanation != null
          || summary != null;
      if (granularity != null) {
        VoucherGranularity g = VoucherGranularity.parse(granularity);
        if (kind != null || ruleChange) {
          throw new IllegalArgumentException("--granularity is set on its own, without --kind or rule options");
        }
        BridgeCommand root = parent.parent.root;
        var runtime = root.runtime();
        Shop shop = shop(runtime.bean(ShopManagement.class), shopCode);
        VoucherGranularity now = runtime.bean(PostingSchemes.class).setGranularity(shop == null ? null : shop.id(), g);
        new Output(root.spec.commandLine().getOut()).line((shop == null ? "default" : "shop " + shop.code()) + ": granularity " + now);
        return 0;
      }
      if (kind == null) {
        throw new IllegalArgumentException("--kind is needed to change a rule (or give --granularity DAY|LINE)");
      }
      PostingKind k = PostingKind.parse(kind);
      if (noVat && (vatAccount != null || vatRate != null)) {
        throw new IllegalArgumentException("--no-vat cannot go with --vat-account or --vat-rate");
      }
      BigDecimal rate = null;
      if (vatRate != null) {
        try {
          rate = new BigDecimal(vatRate.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--vat-rate must be a decimal such as 0.13, got '" + vatRate + "'");
        }
      }
      BridgeCommand root = parent.parent.root;
      var runtime = root.runtime();
      Shop shop = shop(runtime.bean(ShopManagement.class), shopCode);
      PostingRule rule = runtime.bean(PostingSchemes.class).set(shop == null ? null : shop.id(), k,
          new PostingSchemes.Change(debit, credit, vatAccount, rate, noVat, explanation, summary));
      new Output(root.spec.commandLine().getOut()).line((shop == null ? "default" : "shop " + shop.code()) + ": " + rule.describe());
      return 0;
    }
  }

  @Command(name = "reset", description = "Drop a shop's own rule of a kind; the default applies again; audited.",
      mixinStandardHelpOptions = true)
  static class SchemeReset implements Callable<Integer> {
    @ParentCommand Scheme parent;

    @Option(names = "--shop", paramLabel = "CODE", required = true, description = "The shop.") String shopCode;
    @Option(names = "--kind", required = true, description = "The kind of event.") String kind;

    @Override
    public Integer call() {
      PostingKind k = PostingKind.parse(kind);
      BridgeCommand root = parent.parent.root;
      var runtime = root.runtime();
      Shop shop = shop(runtime.bean(ShopManagement.class), shopCode);
      boolean dropped = runtime.bean(PostingSchemes.class).reset(shop.id(), k);
      new Output(root.spec.commandLine().getOut()).line("shop " + shop.code() + " " + k + ": "
          + (dropped ? "own rule dropped, the default applies" : "had no own rule"));
      return 0;
    }
  }

  static @org.jspecify.annotations.Nullable LocalDate day(@org.jspecify.annotations.Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--date must be a day like 2026-12-05, got '" + text + "'");
    }
  }

  static @org.jspecify.annotations.Nullable Shop shop(ShopManagement shops, @org.jspecify.annotations.Nullable String code) {
    return code == null ? null : shops.findByCode(code)
        .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + code + "' (see 'bridge shop list')"));
  }

  static Map<String, Object> describe(PostingRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", r.kind().name());
    m.put("debit", r.debitAccount());
    m.put("credit", r.creditAccount());
    m.put("vatAccount", r.vatAccount());
    m.put("vatRate", r.vatRate() == null ? null : r.vatRate().toPlainString());
    m.put("explanation", r.explanation());
    m.put("summary", r.summary());
    return m;
  }

  static Map<String, Object> describe(PostedVoucher v, String shopCode) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", v.key());
    m.put("shop", shopCode);
    m.put("kind", v.kind().name());
    m.put("date", v.date().toString());
    m.put("explanation", v.explanation());
    m.put("totalFen", v.totalFen());
    m.put("connector", v.connector());
    m.put("status", v.status());
    m.put("erpVoucherNo", v.erpVoucherNo());
    m.put("error", v.error());
    m.put("attempts", v.attempts());
    m.put("updatedAt", v.updatedAt().toString());
    return m;
  }
}
