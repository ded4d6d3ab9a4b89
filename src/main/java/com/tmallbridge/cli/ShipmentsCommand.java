package com.tmallbridge.cli;

import com.tmallbridge.channel.CarrierCompany;
import com.tmallbridge.fulfilment.CarrierMapping;
import com.tmallbridge.fulfilment.FulfilmentManagement;
import com.tmallbridge.fulfilment.ShipmentState;
import com.tmallbridge.fulfilment.ShipmentView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code shipments list|retry|carriers}: ERP deliveries written back to Tmall. */
@Command(name = "shipments", description = "ERP deliveries written back to Tmall (tracking numbers), held shipments, carrier mapping.",
    mixinStandardHelpOptions = true,
    subcommands = {ShipmentsCommand.ListShipments.class, ShipmentsCommand.Retry.class, ShipmentsCommand.Carriers.class})
class ShipmentsCommand implements Runnable {
  @ParentCommand BridgeCommand root;

  @Override
  public void run() {
    root.spec.commandLine().getSubcommands().get("shipments").usage(root.spec.commandLine().getErr());
  }

  FulfilmentManagement fulfilment() {
    return root.runtime().bean(FulfilmentManagement.class);
  }

  Output out() {
    return new Output(root.spec.commandLine().getOut());
  }

  @Command(name = "list", description = "List shipments, oldest first.", mixinStandardHelpOptions = true)
  static class ListShipments implements Callable<Integer> {
    @ParentCommand ShipmentsCommand parent;

    @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop.") String shopCode;
    @Option(names = "--state", description = "Only shipments in this state: ${COMPLETION-CANDIDATES}.") ShipmentState state;
    @Option(names = "--tid", description = "Only this Tmall trade.") String tid;
    @Option(names = "--limit", defaultValue = "0", description = "At most this many (default: all).") int limit;

    @Override
    public Integer call() {
      if (limit < 0) {
        throw new IllegalArgumentException("--limit must be 0 (all) or positive, got " + limit);
      }
      List<ShipmentView> shipments = parent.fulfilment().shipments(shopCode, state, tid, limit == 0 ? Integer.MAX_VALUE : limit);
      if (parent.root.json) {
        parent.out().json(shipments.stream().map(ShipmentsCommand::describe).toList());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (ShipmentView s : shipments) {
        rows.add(List.of(Long.toString(s.id()), s.shopCode(), s.tid(), s.deliveryNo(), s.wholeTrade() ? "whole" : String.join(",", s.oids()),
            Output.orDash(s.erpCarrier()), Output.orDash(s.companyCode()), Output.orDash(s.trackingNo()), s.state().name(),
            Output.orDash(s.reasonCode())));
      }
      parent.out().table(List.of("ID", "SHOP", "TID", "DELIVERY", "SUB-ORDERS", "ERP CARRIER", "COMPANY", "TRACKING", "STATE", "REASON"), rows);
      shipments.stream().filter(s -> s.state() == ShipmentState.FAILED)
          .forEach(s -> parent.out().line(s.id() + " " + s.reasonCode() + ": " + s.message()));
      parent.out().line(shipments.size() + " shipment(s)");
      return 0;
    }
  }

  @Command(name = "retry", description = "Send FAILED shipments again, optionally with a corrected tracking number or company.",
      mixinStandardHelpOptions = true)
  static class Retry implements Callable<Integer> {
    @ParentCommand ShipmentsCommand parent;

    @Option(names = "--id", description = "The shipment (see 'shipments list --state FAILED').") Long id;
    @Option(names = "--all-failed", description = "Every FAILED shipment, as it is.") boolean allFailed;
    @Option(names = "--tracking", description = "Use this tracking number (with --id).") String tracking;
    @Option(names = "--company", description = "Use this Tmall company code, e.g. SF (with --id).") String company;

    @Override
    public Integer call() {
      if ((id == null) == !allFailed) {
        throw new IllegalArgumentException("give either --id N or --all-failed");
      }
      if (allFailed && (tracking != null || company != null)) {
        throw new IllegalArgumentException("--tracking and --company need --id: a correction applies to one shipment");
      }
      List<String> outcomes = allFailed ? parent.fulfilment().retryAllFailed() : List.of(parent.fulfilment().retry(id, tracking, company));
      if (parent.root.json) {
        parent.out().json(Map.of("outcomes", outcomes));
      } else {
        outcomes.forEach(parent.out()::line);
        if (allFailed) {
          parent.out().line(outcomes.size() + " shipment(s) retried");
        }
      }
      return 0;
    }
  }

  @Command(name = "carriers", description = "How ERP carriers map to Tmall company codes, per shop.", mixinStandardHelpOptions = true,
      subcommands = {Carriers.ListCarriers.class, Carriers.SetCarrier.class})
  static class Carriers implements Runnable {
    @ParentCommand ShipmentsCommand parent;

    @Override
    public void run() {
      parent.root.spec.commandLine().getSubcommands().get("shipments").getSubcommands().get("carriers")
          .usage(parent.root.spec.commandLine().getErr());
    }

    @Command(name = "list", description = "List the mappings, or with --companies the companies Tmall accepts for a shop.",
        mixinStandardHelpOptions = true)
    static class ListCarriers implements Callable<Integer> {
      @ParentCommand Carriers parent;

      @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop.") String shopCode;
      @Option(names = "--companies", description = "List Tmall's companies of --shop instead.") boolean companies;
      @Option(names = "--refresh", description = "With --companies: fetch the list from Tmall again.") boolean refresh;

      @Override
      public Integer call() {
        ShipmentsCommand cmd = parent.parent;
        if (companies) {
          if (shopCode == null) {
            throw new IllegalArgumentException("--companies needs --shop");
          }
          List<CarrierCompany> list = cmd.fulfilment().companies(shopCode, refresh);
          if (cmd.root.json) {
            cmd.out().json(list);
            return 0;
          }
          cmd.out().table(List.of("CODE", "NAME", "TRACKING PATTERN"),
              list.stream().map(c -> List.of(c.code(), c.name(), Output.orDash(c.trackingNoPattern()))).toList());
          return 0;
        }
        if (refresh) {
          throw new IllegalArgumentException("--refresh needs --companies");
        }
        List<CarrierMapping> mappings = cmd.fulfilment().carriers(shopCode);
        if (cmd.root.json) {
          cmd.out().json(mappings);
          return 0;
        }
        cmd.out().table(List.of("SHOP", "ERP CARRIER", "COMPANY", "NAME", "SOURCE"), mappings.stream()
            .map(m -> List.of(m.shopCode(), m.erpCarrier(), m.companyCode(), Output.orDash(m.companyName()), m.source())).toList());
        cmd.out().line(mappings.size() + " mapping(s)");
        return 0;
      }
    }

    @Command(name = "set", description = "Map an ERP carrier to a Tmall company code, then retry the shipments held for it.",
        mixinStandardHelpOptions = true)
    static class SetCarrier implements Callable<Integer> {
      @ParentCommand Carriers parent;

      @Option(names = "--erp", required = true, description = "The carrier code or name as ERP deliveries carry it.") String erp;
      @Option(names = "--tmall", required = true, description = "The Tmall company code, e.g. ZTO.") String tmall;
      @Option(names = "--shop", paramLabel = "CODE", description = "Only this shop (default: every shop).") String shopCode;

      @Override
      public Integer call() {
        ShipmentsCommand cmd = parent.parent;
        List<String> retried = cmd.fulfilment().setCarrier(shopCode, erp, tmall);
        if (cmd.root.json) {
          cmd.out().json(Map.of("erp", erp, "tmall", tmall, "retried", retried));
          return 0;
        }
        cmd.out().line("'" + erp + "' -> " + tmall + (shopCode == null ? " for every shop" : " for shop " + shopCode));
        retried.forEach(cmd.out()::line);
        return 0;
      }
    }
  }

  static Map<String, Object> describe(ShipmentView s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("shop", s.shopCode());
    m.put("tid", s.tid());
    m.put("deliveryNo", s.deliveryNo());
    m.put("salesOrderNo", s.salesOrderNo());
    m.put("oids", s.oids());
    m.put("wholeTrade", s.wholeTrade());
    m.put("erpCarrier", s.erpCarrier());
    m.put("companyCode", s.companyCode());
    m.put("trackingNo", s.trackingNo());
    m.put("state", s.state().name());
    m.put("reasonCode", s.reasonCode());
    m.put("message", s.message());
    m.put("retries", s.retries());
    m.put("shippedAt", s.shippedAt().toString());
    m.put("sentAt", s.sentAt() == null ? null : s.sentAt().toString());
    return m;
  }
}
