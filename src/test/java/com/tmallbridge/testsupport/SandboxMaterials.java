package com.tmallbridge.testsupport;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.product.ProductManagement;
import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds the ERP with a material for every SKU of a sandbox shop, as the flow tests need it: the
 * SKU's merchant code (or the item's, for an item with one SKU) becomes the material code; a SKU
 * without one gets {@code MAT-<numIid>-<skuId>} and a SKU mapping in the shop.
 */
public final class SandboxMaterials {
  private SandboxMaterials() {}

  /**
   * @param skipItem an item whose SKUs get no material (to provoke unmapped trades), or -1
   * @return the materials created, in catalogue order
   */
  public static List<MaterialCode> seed(TmallSandbox sandbox, Shop shop, ProductManagement products, ErpRegistry erp, long skipItem) {
    List<MaterialCode> created = new ArrayList<>();
    for (SandboxItem item : sandbox.items()) {
      if (item.numIid() == skipItem) {
        continue;
      }
      if (item.skus().isEmpty()) {
        created.add(material(shop, products, erp, item.numIid(), null, item.outerId()));
      }
      for (SandboxSku sku : item.skus()) {
        String code = sku.outerId() != null ? sku.outerId() : item.skus().size() == 1 ? item.outerId() : null;
        created.add(material(shop, products, erp, item.numIid(), sku.skuId(), code));
      }
    }
    return created;
  }

  private static MaterialCode material(Shop shop, ProductManagement products, ErpRegistry erp, long numIid, Long skuId, String code) {
    String material = code != null ? code : "MAT-" + numIid + "-" + skuId;
    if (code == null) {
      products.putMapping(shop.id(), Long.toString(numIid), skuId == null ? null : Long.toString(skuId), material);
    }
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(new MaterialCode(material), "m " + material, "pcs", 100));
    return new MaterialCode(material);
  }
}
