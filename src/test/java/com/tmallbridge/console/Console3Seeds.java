package com.tmallbridge.console;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.StockLedger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows the stock, shipment and after-sale screens read, written as the flows would leave them. */
final class Console3Seeds {
  private final JdbcClient jdbc;
  private final ErpRegistry erp;

  Console3Seeds(JdbcClient jdbc, ErpRegistry erp) {
    this.jdbc = jdbc;
    this.erp = erp;
  }

  /** A material of the built-in ERP with {@code onHand} units in WH01. */
  MaterialCode material(String code, long onHand) {
    MaterialCode m = new MaterialCode(code);
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(m, "m " + code, "pcs", 100));
    if (onHand != 0) {
      erp.capability(StockLedger.class).book("WH01", m, onHand, "RECEIPT", "seed-" + code + "-" + UUID.randomUUID());
    }
    return m;
  }

  /** A listing's stock row as the stock flow stores it. */
  void publication(ShopId shop, String numIid, String skuId, String components, long wanted, @Nullable Long pushed,
      @Nullable Instant pushedAt, @Nullable String error) {
    jdbc.sql("""
        insert into stock_publication (shop_id, num_iid, sku_id, components, wanted, computed_at, pushed, pushed_at, last_error_code,
          last_error, error_at, force_push)
        values (:shop, :numIid, :skuId, :components, :wanted, :now, :pushed, :pushedAt, :code, :error, :errorAt, false)""")
        .param("shop", shop.value()).param("numIid", numIid).param("skuId", skuId).param("components", components).param("wanted", wanted)
        .param("now", Instant.now().atOffset(ZoneOffset.UTC)).param("pushed", pushed)
        .param("pushedAt", pushedAt == null ? null : pushedAt.atOffset(ZoneOffset.UTC)).param("code", error == null ? null : "isv.item-error")
        .param("error", error).param("errorAt", error == null ? null : Instant.now().atOffset(ZoneOffset.UTC)).update();
  }

  /** A shipment as the fulfilment flow stores it. */
  void shipment(ShopId shop, String tid, String deliveryNo, String oids, boolean whole, String tracking, String state,
      @Nullable String reason, @Nullable String message, Instant shippedAt) {
    jdbc.sql("""
        insert into fulfilment_shipment (erp, delivery_no, sales_order_no, shop_id, tid, oids, whole_trade, erp_carrier, company_code,
          tracking_no, state, reason_code, message, retries, shipped_at, created_at, updated_at, sent_at)
        values ('embedded', :no, :so, :shop, :tid, :oids, :whole, 'SF', 'SF', :tracking, :state, :reason, :message, 0, :at, :at, :at, :sent)""")
        .param("no", deliveryNo).param("so", "SO-" + tid).param("shop", shop.value()).param("tid", tid).param("oids", oids)
        .param("whole", whole).param("tracking", tracking).param("state", state).param("reason", reason).param("message", message)
        .param("at", shippedAt.atOffset(ZoneOffset.UTC))
        .param("sent", "SENT".equals(state) ? shippedAt.plusSeconds(60).atOffset(ZoneOffset.UTC) : null).update();
  }

  /** A refund case as the after-sale flow stores it. */
  void refund(ShopId shop, String refundId, String tid, String status, String stage, @Nullable String shipping, @Nullable String returnNo,
      boolean shippedAfterIntercept, @Nullable String exception, Instant modified) {
    jdbc.sql("""
        insert into aftersale_refund (shop_id, refund_id, tid, oid, status, status_rank, kind, refund_fee_fen, reported_fee_fen, paid_fen,
          has_good_return, num, created, modified, stage, shipping, erp_order_no, return_no, shipped_after_intercept, exception_code,
          exception_message, raw_json, first_seen_at, updated_at)
        values (:shop, :refundId, :tid, :oid, :status, 1, 'RETURN', 12345, 12345, 20000, :goods, 1, :at, :at, :stage, :shipping,
          :so, :returnNo, :sai, :exception, :message, '{}', :at, :at)""")
        .param("shop", shop.value()).param("refundId", refundId).param("tid", tid).param("oid", tid + "1").param("status", status)
        .param("goods", returnNo != null).param("at", modified.atOffset(ZoneOffset.UTC)).param("stage", stage).param("shipping", shipping)
        .param("so", "SO-" + tid).param("returnNo", returnNo).param("sai", shippedAfterIntercept).param("exception", exception)
        .param("message", exception == null ? null : "the ERP refused: " + exception).update();
  }
}
