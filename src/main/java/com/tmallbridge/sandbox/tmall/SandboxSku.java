package com.tmallbridge.sandbox.tmall;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A SKU of a simulated item (TOP {@code Sku}). Money in fen.
 *
 * @param skuId SKU id
 * @param outerId the SKU's merchant code; null for the few SKUs the generator leaves without one
 * @param properties {@code pid:vid;pid:vid}
 * @param propertiesName {@code pid:vid:pname:vname;...}
 * @param priceFen price
 * @param quantity stock (TOP {@code quantity}); never below 0
 * @param modified last change of the SKU (its quantity, or its creation)
 * @param withHoldQuantity units of this SKU held by unpaid trades (付款减库存 items only)
 */
public record SandboxSku(
    long skuId,
    @Nullable String outerId,
    String properties,
    String propertiesName,
    long priceFen,
    int quantity,
    Instant modified,
    int withHoldQuantity) {

  /** The form sub-orders show ({@code sku_properties_name}): {@code 颜色分类:白色;尺码:XL}. */
  public String displayName() {
    return Arrays.stream(propertiesName.split(";"))
        .map(part -> part.split(":", 4))
        .map(parts -> parts[2] + ":" + parts[3])
        .collect(Collectors.joining(";"));
  }
}
