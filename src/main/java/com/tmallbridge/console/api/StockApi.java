package com.tmallbridge.console.api;

import com.tmallbridge.console.ConsolePrincipal;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import com.tmallbridge.stock.StockLine;
import com.tmallbridge.stock.StockManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/stock}: each listing's stock figures ({@link StockManagement#show}), within the
 * caller's shops. The façade computes every listing of the shops asked for at once (it reads the ERP's
 * on-hand of their materials in one go); the page is cut from that list.
 */
@RestController
@ConditionalOnWebApplication
@Tag(name = "stock")
class StockApi {
  private final StockManagement stock;
  private final ShopManagement shops;

  StockApi(StockManagement stock, ShopManagement shops) {
    this.stock = stock;
    this.shops = shops;
  }

  @GetMapping("/api/stock")
  @Operation(summary = "Per listing: on-hand, reserved, safety, sellable, the figure wanted and the one last pushed",
      description = "Quantities are units (material units for on-hand, reserved and safety; listing units for sellable, wanted and pushed).")
  PageOf<StockLine> list(@AuthenticationPrincipal ConsolePrincipal user,
      @Parameter(description = "only this shop (code)") @RequestParam(name = "shop", required = false) @Nullable String shop,
      @Parameter(description = "numIid, numIid/skuId or a SKU id") @RequestParam(name = "sku", required = false) @Nullable String sku,
      @Parameter(description = "only listings using this ERP material") @RequestParam(name = "material", required = false) @Nullable String material,
      @RequestParam(name = "page", defaultValue = "0") int page, @RequestParam(name = "size", defaultValue = "50") int size) {
    Paging paging = Paging.of(page, size);
    Set<String> allowed = shops.list().stream().filter(s -> user.scope().allows(s.id())).map(Shop::code).collect(Collectors.toSet());
    String code = blankToNull(shop);
    if (code != null && !allowed.contains(code)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no shop '" + code + "' in your shops");
    }
    var lines = stock.show(code, blankToNull(sku), blankToNull(material)).stream().filter(l -> allowed.contains(l.shopCode())).toList();
    int from = (int) Math.min(lines.size(), (long) paging.offset());
    int to = (int) Math.min(lines.size(), (long) paging.offset() + paging.probe());
    return paging.page(lines.subList(from, to));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
