package com.tmallbridge.demo;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.shop.ShopRegistration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Prepares the demo as an administrator would: adds the sandbox shop, creates an ERP material
 * with opening stock for every Tmall SKU (by its merchant code), and maps by hand the SKUs that
 * lack a merchant code of their own.
 */
@Component
class DemoSeeder {
  static final String SHOP_CODE = "DEMO";
  private static final String WAREHOUSE = DemoRunner.WAREHOUSE;

  private final ShopManagement shops;
  private final ProductManagement products;
  private final ErpRegistry erp;

  DemoSeeder(ShopManagement shops, ProductManagement products, ErpRegistry erp) {
    this.shops = shops;
    this.products = products;
    this.erp = erp;
  }

  Shop addShop(TmallSandbox sandbox, Instant since) {
    return addShop(sandbox, since, SHOP_CODE);
  }

  Shop addShop(TmallSandbox sandbox, Instant since, String code) {
    var c = sandbox.credentials();
    return shops.add(new ShopRegistration(code, c.sellerNick(), sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(),
        "hmac-sha256", since));
  }

  /** Creates materials and opening stock for every listing of the shop; returns the materials. */
  List<MaterialCode> seedMaterials(TmallSandbox sandbox, Shop shop) {
    List<MaterialCode> codes = new ArrayList<>();
    for (SandboxItem item : sandbox.items()) {
      if (item.skus().isEmpty()) {
        codes.add(material(shop, item, null, item.title(), item.priceFen(), item.quantity()));
        continue;
      }
      for (SandboxSku sku : item.skus()) {
        codes.add(material(shop, item, sku, item.title() + " " + sku.displayName(), sku.priceFen(), sku.quantity()));
      }
    }
    return codes;
  }

  /**
   * The ERP material a listing sells in the demo: the SKU's merchant code, the item's for an item
   * without SKUs or with a single code-less SKU, else {@code MAT-<sku id>} (mapped by hand).
   */
  static String materialCode(SandboxItem item, @Nullable SandboxSku sku) {
    String code = sku == null ? item.outerId() : sku.outerId() != null ? sku.outerId() : item.skus().size() == 1 ? item.outerId() : null;
    return code != null ? code : "MAT-" + (sku == null ? item.numIid() : sku.skuId());
  }

  private static boolean mappedByHand(SandboxItem item, @Nullable SandboxSku sku) {
    return materialCode(item, sku).startsWith("MAT-");
  }

  private MaterialCode material(Shop shop, SandboxItem item, @Nullable SandboxSku sku, String name, long priceFen, int quantity) {
    String code = materialCode(item, sku);
    if (mappedByHand(item, sku)) {
      products.putMapping(shop.id(), Long.toString(item.numIid()), sku == null ? null : Long.toString(sku.skuId()), code);
    }
    MaterialCode material = new MaterialCode(code);
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(material, name, "pcs", priceFen));
    erp.capability(StockLedger.class).book(WAREHOUSE, material, Math.max(quantity, 100), "RECEIPT", "demo-opening-" + code);
    return material;
  }
}
