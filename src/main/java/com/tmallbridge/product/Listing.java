package com.tmallbridge.product;

import com.tmallbridge.core.ShopId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Tmall SKU (or an item without SKUs) of a shop as last read from the channel, with the ERP
 * materials it stands for.
 *
 * @param shop the shop
 * @param numIid the item
 * @param skuId the SKU; {@code ""} for an item without SKUs
 * @param outerId the merchant code on Tmall (SKU outer id, or the item's for SKU-less items)
 * @param components one component of quantity 1 for a plain SKU, several for a combo, none when
 *     the SKU is not matched to anything yet
 */
public record Listing(ShopId shop, String numIid, String skuId, @Nullable String outerId, List<Component> components) {

  public Listing {
    components = List.copyOf(components);
  }

  /** Whether the SKU is matched to at least one ERP material. */
  public boolean matched() {
    return !components.isEmpty();
  }

  /** Whether the SKU stands for more than one unit of material (a combo 组合装). */
  public boolean combo() {
    return components.size() > 1 || (components.size() == 1 && components.get(0).quantity() > 1);
  }
}
