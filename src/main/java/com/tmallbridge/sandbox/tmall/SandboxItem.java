package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An item of the simulated shop (TOP {@code Item}). Money in fen.
 *
 * @param numIid item id
 * @param title Chinese title
 * @param outerId the item's merchant code
 * @param cid leaf category id
 * @param priceFen item price (the lowest SKU price when it has SKUs)
 * @param quantity stock; the sum of the SKU quantities when it has SKUs
 * @param approveStatus {@code onsale} or {@code instock}
 * @param listTime when it was put on sale
 * @param modified last change
 * @param soldQuantity units sold
 * @param picUrl main picture
 * @param skus SKUs, empty for items without SKUs
 * @param stockMode when trades take the stock (TOP {@code sub_stock})
 * @param withHoldQuantity units held by unpaid trades of a 付款减库存 item (TOP {@code
 *     with_hold_quantity}); always 0 for 拍下减库存 items, whose trades take the units at once
 */
public record SandboxItem(
    long numIid,
    String title,
    @Nullable String outerId,
    long cid,
    long priceFen,
    int quantity,
    String approveStatus,
    Instant listTime,
    Instant modified,
    int soldQuantity,
    String picUrl,
    List<SandboxSku> skus,
    StockMode stockMode,
    int withHoldQuantity) {

  public SandboxItem {
    skus = List.copyOf(skus);
  }

  public boolean onSale() {
    return "onsale".equals(approveStatus);
  }
}
