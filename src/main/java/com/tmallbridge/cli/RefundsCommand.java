package com.tmallbridge.cli;

import com.tmallbridge.aftersale.AfterSaleManagement;
import com.tmallbridge.aftersale.RefundDetail;
import com.tmallbridge.aftersale.RefundView;
import com.tmallbridge.core.Money;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code refunds list|show|retry}. */
@Command(name = "refunds", description = "Refunds (after-sale cases) and what the bridge did in the ERP for them.",
    mixinStandardHelpOptions = true, subcommands = {RefundsCommand.ListRefunds.class, RefundsCommand.Show.class, RefundsCommand.Retry.class})
class RefundsCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("refunds").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "List refunds, newest first.", mixinStandardHelpOptions = true)
  static class ListRefunds implements Callable<Integer> {
    @ParentCommand RefundsCommand parent;

    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop.") String shopCode;
    @Option(names = "--status", description = "Only this Tmall status, e.g. SUCCESS, WAIT_SELLER_AGREE.") String status;
    @Option(names = "--tid", description = "Only refunds of this trade.") String tid;
    @Option(names = "--limit", defaultValue = "0", description = "At most this many (default: all).") int limit;

    @Override
    public Integer call() {
      if (limit < 0) {
        throw new IllegalArgumentException("--limit must be 0 (all) or positive, got " + limit);
      }
      var runtime = parent.root.runtime();
      Shop shop = shopCode == null ? null : runtime.bean(ShopManagement.class).findByCode(shopCode)
          .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + shopCode + "' (see 'bridge shop list')"));
      List<RefundView> refunds = runtime.bean(AfterSaleManagement.class)
          .refunds(shop == null ? null : shop.id(), status, tid, limit == 0 ? Integer.MAX_VALUE : limit);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(refunds.stream().map(RefundsCommand::describe).toList());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (RefundView r : refunds) {
        rows.add(List.of(r.shopCode(), r.refundId(), r.tid(), r.oid(), r.status(), r.kind().name(), Money.formatYuan(r.refundFeeFen()),
            Output.orDash(r.shipping()), r.stage().name(), Output.orDash(r.exceptionCode())));
      }
      out.table(List.of("SHOP", "REFUND", "TID", "OID", "STATUS", "KIND", "AMOUNT", "SHIPPING", "STAGE", "EXCEPTION"), rows);
      out.line(refunds.size() + " refund(s)");
      return 0;
    }
  }

  @Command(name = "show", description = "One refund: its statuses over time and its ERP effects.", mixinStandardHelpOptions = true)
  static class Show implements Callable<Integer> {
    @ParentCommand RefundsCommand parent;

    @Option(names = "--id", required = true, description = "The Tmall refund id.") String refundId;
    @Option(names = "--shop", paramLabel = "CODE", description = "The shop, when several shops have this refund id.") String shopCode;

    @Override
    public Integer call() {
      RefundDetail d = find(parent, refundId, shopCode);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        Map<String, Object> m = describe(d.refund());
        m.put("history", d.history().stream().map(h -> Map.of("status", h.status(), "modified", h.modified().toString())).toList());
        m.put("effects", d.effects().stream().map(RefundsCommand::describe).toList());
        out.json(m);
        return 0;
      }
      RefundView r = d.refund();
      out.line("refund " + r.refundId() + " of trade " + r.tid() + " / sub-order " + r.oid() + " (shop " + r.shopCode() + ")");
      out.line("status " + r.status() + ", " + r.kind() + ", " + Money.formatYuan(r.refundFeeFen())
          + (r.reportedFeeFen() != r.refundFeeFen() ? " (Tmall reported " + Money.formatYuan(r.reportedFeeFen()) + ")" : "")
          + ", shipping " + Output.orDash(r.shipping()) + ", stage " + r.stage());
      out.line("ERP order " + Output.orDash(r.erpOrderNo()) + ", return " + Output.orDash(r.returnNo()));
      if (r.exceptionCode() != null) {
        out.line("exception " + r.exceptionCode() + ": " + r.exceptionMessage());
      }
      out.table(List.of("MODIFIED", "STATUS"), d.history().stream().map(h -> List.of(h.modified().toString(), h.status())).toList());
      out.table(List.of("AT", "EFFECT", "ERP DOC", "AMOUNT", "UNITS", "DETAIL"), d.effects().stream().map(e -> List.of(
          e.at().toString(), e.effect(), Output.orDash(e.erpDoc()), e.amountFen() == null ? "-" : Money.formatYuan(e.amountFen()),
          e.units() == null ? "-" : e.units().toString(), e.detail())).toList());
      return 0;
    }
  }

  @Command(name = "retry", description = "Run a refund's rules again after fixing what the ERP refused.", mixinStandardHelpOptions = true)
  static class Retry implements Callable<Integer> {
    @ParentCommand RefundsCommand parent;

    @Option(names = "--id", required = true, description = "The Tmall refund id.") String refundId;
    @Option(names = "--shop", paramLabel = "CODE", description = "The shop, when several shops have this refund id.") String shopCode;

    @Override
    public Integer call() {
      RefundDetail d = find(parent, refundId, shopCode);
      var stage = parent.root.runtime().bean(AfterSaleManagement.class)
          .retry(new com.tmallbridge.core.ShopId(d.refund().shopId()), refundId).orElseThrow();
      new Output(parent.root.spec.commandLine().getOut()).line("refund " + refundId + ": " + stage);
      return 0;
    }
  }

  private static RefundDetail find(RefundsCommand parent, String refundId, String shopCode) {
    List<RefundDetail> found = parent.root.runtime().bean(AfterSaleManagement.class).refundsWithId(refundId).stream()
        .filter(d -> shopCode == null || d.refund().shopCode().equals(shopCode)).toList();
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no refund with id " + refundId + (shopCode == null ? "" : " in shop " + shopCode));
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException("refund id " + refundId + " exists in several shops; name one with --shop");
    }
    return found.get(0);
  }

  static Map<String, Object> describe(RefundView r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shop", r.shopCode());
    m.put("refundId", r.refundId());
    m.put("tid", r.tid());
    m.put("oid", r.oid());
    m.put("status", r.status());
    m.put("kind", r.kind().name());
    m.put("refundFeeFen", r.refundFeeFen());
    m.put("reportedFeeFen", r.reportedFeeFen());
    m.put("paidFen", r.paidFen());
    m.put("shipping", r.shipping());
    m.put("stage", r.stage().name());
    m.put("erpOrderNo", r.erpOrderNo());
    m.put("returnNo", r.returnNo());
    m.put("shippedAfterIntercept", r.shippedAfterIntercept());
    m.put("exception", r.exceptionCode());
    m.put("exceptionMessage", r.exceptionMessage());
    m.put("modified", r.modified().toString());
    return m;
  }

  static Map<String, Object> describe(RefundDetail.Effect e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("effect", e.effect());
    m.put("erpDoc", e.erpDoc());
    m.put("amountFen", e.amountFen());
    m.put("units", e.units());
    m.put("detail", e.detail());
    m.put("at", e.at().toString());
    return m;
  }
}
