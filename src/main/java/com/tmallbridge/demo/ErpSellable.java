package com.tmallbridge.demo;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderQuery;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.sandbox.tmall.SandboxTrade;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads what the ERP says may be sold of the demo shop's materials — on-hand from its stock
 * ledger, undelivered units of its sales orders — for {@link StockCheck}. Reads the ERP (through its
 * SPI and the built-in ERP's own API) and the sandbox, never the bridge's tables; safety stock is
 * the demo shop's own setting.
 */
@Component
class ErpSellable {
  private final ErpRegistry erp;
  private final ErpDesk warehouse;

  ErpSellable(ErpRegistry erp, ErpDesk warehouse) {
    this.erp = erp;
    this.warehouse = warehouse;
  }

  /** The ERP's side of the stock comparison, now. */
  StockCheck.ErpStock read(TmallSandbox sandbox, Map<MaterialCode, Long> safety) {
    Map<String, Map<MaterialCode, Long>> undelivered = new HashMap<>();
    Map<ErpDocNo, String> orderNoOf = new HashMap<>();
    erp.capability(SalesOrderQuery.class).forEachChannelOrder(o -> {
      if (DemoSeeder.SHOP_CODE.equals(o.shopCode()) && o.status().stillToShip()) {
        undelivered.put(o.orderNo().value(), new HashMap<>());
        orderNoOf.put(o.docNo(), o.orderNo().value());
      }
    });
    warehouse.openLines(orderNoOf.keySet()).forEach((doc, lines) -> {
      Map<MaterialCode, Long> open = undelivered.get(orderNoOf.get(doc));
      lines.forEach(l -> open.merge(l.material(), l.open(), Long::sum));
    });
    Set<MaterialCode> materials = new HashSet<>();
    sandbox.items().forEach(i -> {
      if (i.skus().isEmpty()) {
        materials.add(new MaterialCode(DemoSeeder.materialCode(i, null)));
      }
      i.skus().forEach(k -> materials.add(new MaterialCode(DemoSeeder.materialCode(i, k))));
    });
    Map<MaterialCode, Long> onHand = new HashMap<>();
    erp.capability(StockLedger.class).onHand(materials)
        .forEach((m, perWarehouse) -> onHand.put(m, perWarehouse.values().stream().mapToLong(Long::longValue).sum()));
    return new StockCheck.ErpStock(onHand, undelivered, safety);
  }

  /** What may be sold of each listed material now (see {@link StockCheck#sellable}). */
  Map<MaterialCode, Long> sellable(TmallSandbox sandbox, Map<MaterialCode, Long> safety) {
    List<SandboxTrade> trades = sandbox.trades();
    return StockCheck.sellable(sandbox.items(), trades, shippedOnTmall(sandbox, trades), read(sandbox, safety), DemoSeeder::materialCode);
  }

  /** The sub-orders (oids) of {@code trades} that Tmall shows in a parcel. */
  static Set<Long> shippedOnTmall(TmallSandbox sandbox, List<SandboxTrade> trades) {
    Set<Long> shipped = new HashSet<>();
    for (SandboxTrade t : trades) {
      if (t.consignTime() != null) {
        sandbox.parcels(t.tid()).forEach(p -> shipped.addAll(p.oids()));
      }
    }
    return shipped;
  }
}
