package com.tmallbridge.cli;

import com.tmallbridge.core.Money;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.order.TradeState;
import com.tmallbridge.order.TradeView;
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

/** {@code orders list}. */
@Command(name = "orders", description = "Trades the bridge has seen and their ERP orders.", mixinStandardHelpOptions = true,
    subcommands = OrdersCommand.ListOrders.class)
class OrdersCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("orders").usage(root.spec.commandLine().getErr());
  }

  @Command(name = "list", description = "List trades, newest first.", mixinStandardHelpOptions = true)
  static class ListOrders implements Callable<Integer> {
    @ParentCommand OrdersCommand parent;

    @Option(names = "--state", description = "Only trades in this state: ${COMPLETION-CANDIDATES}.") TradeState state;
    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop.") String shopCode;
    @Option(names = "--limit", defaultValue = "0", description = "At most this many (default: all).") int limit;

    @Override
    public Integer call() {
      if (limit < 0) {
        throw new IllegalArgumentException("--limit must be 0 (all) or positive, got " + limit);
      }
      var runtime = parent.root.runtime();
      Shop shop = shopCode == null ? null : runtime.bean(ShopManagement.class).findByCode(shopCode)
          .orElseThrow(() -> new IllegalArgumentException("no shop with code '" + shopCode + "' (see 'bridge shop list')"));
      List<TradeView> trades = runtime.bean(OrderManagement.class).trades(state, shop == null ? null : shop.id(), limit == 0 ? Integer.MAX_VALUE : limit);
      Output out = new Output(parent.root.spec.commandLine().getOut());
      if (parent.root.json) {
        out.json(trades.stream().map(OrdersCommand::describe).toList());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (TradeView t : trades) {
        rows.add(List.of(t.shopCode(), t.tid(), t.status(), t.state().name(), Money.formatYuan(t.paymentFen()),
            Output.orDash(t.erpOrderNo()), t.erpAmountFen() == null ? "-" : Money.formatYuan(t.erpAmountFen()), Output.orDash(t.exception())));
      }
      out.table(List.of("SHOP", "TID", "STATUS", "STATE", "PAYMENT", "ERP ORDER", "ERP AMOUNT", "EXCEPTION"), rows);
      out.line(trades.size() + " trade(s)");
      return 0;
    }
  }

  static Map<String, Object> describe(TradeView t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shop", t.shopCode());
    m.put("tid", t.tid());
    m.put("status", t.status());
    m.put("state", t.state().name());
    m.put("created", t.created().toString());
    m.put("modified", t.modified().toString());
    m.put("payTime", t.payTime() == null ? null : t.payTime().toString());
    m.put("paymentFen", t.paymentFen());
    m.put("erpOrderNo", t.erpOrderNo());
    m.put("erpAmountFen", t.erpAmountFen());
    m.put("exception", t.exception());
    return m;
  }
}
