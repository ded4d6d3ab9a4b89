package com.tmallbridge.demo;

import com.tmallbridge.sandbox.tmall.SandboxItem;
import com.tmallbridge.sandbox.tmall.SandboxSku;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The demo's exception for a new user to find and fix in the console, planted once the report is
 * printed: the merchant re-codes one listing on Tmall (each SKU's merchant code gets
 * {@value #SUFFIX}, codes the ERP does not know) and a buyer pays for it, so the bridge holds that
 * order as {@code UNMAPPED_SKU} while every other trade flows on. Mapping the SKU to its ERP material
 * (its old code) and retrying sends it to the ERP. Live trades of that listing after the re-code are
 * held the same way until its SKUs are mapped.
 *
 * @param numIid the re-coded item
 * @param title its title
 * @param skus each SKU's id, new merchant code and the ERP material it should be mapped to
 */
public record ExceptionToFix(long numIid, String title, List<RecodedSku> skus) {
  /** What the re-code appends to each merchant code. */
  public static final String SUFFIX = "-V2";

  /** One re-coded SKU: the code Tmall now sends, and the ERP material it still is. */
  public record RecodedSku(long skuId, String newCode, String material) {}

  /**
   * Re-codes the on-sale item with SKUs that has the most units left, and has one buyer pay for a
   * SKU of it.
   *
   * @throws IllegalStateException when the shop has no on-sale item with coded SKUs and stock
   */
  public static ExceptionToFix plant(TmallSandbox sandbox) {
    SandboxItem item = sandbox.items().stream()
        .filter(i -> i.onSale() && i.quantity() > 0 && i.skus().stream().anyMatch(s -> s.outerId() != null))
        .max(Comparator.comparingInt(SandboxItem::quantity))
        .orElseThrow(() -> new IllegalStateException("the demo shop has no listing with coded SKUs in stock to re-code"));
    SandboxItem recoded = sandbox.recodeSkus(item.numIid(), code -> code + SUFFIX);
    List<RecodedSku> skus = recoded.skus().stream().filter(s -> s.outerId() != null)
        .map(s -> new RecodedSku(s.skuId(), Objects.requireNonNull(s.outerId()), material(s))).toList();
    sandbox.generateLivePaidOf(item.numIid(), 1, Duration.ZERO);
    return new ExceptionToFix(item.numIid(), item.title(), skus);
  }

  private static String material(SandboxSku recoded) {
    String code = Objects.requireNonNull(recoded.outerId());
    return code.substring(0, code.length() - SUFFIX.length());
  }

  /** What to tell the user, line by line: what happened, where to look, how to fix it in the console or on the command line. */
  public List<String> guidance(String dataDir) {
    RecodedSku first = skus.get(0);
    return List.of(
        "to try the console: the merchant just re-coded listing " + numIid + " (" + title + ") on Tmall; its SKUs now carry merchant"
            + " codes such as " + first.newCode() + ", which the ERP does not know, and a buyer has paid for one.",
        "  that order waits in the console's exception queue as UNMAPPED_SKU (so do later orders of this listing); fix it:"
            + " map each SKU to its ERP material, the code without " + SUFFIX + " (e.g. SKU " + first.skuId() + " -> "
            + first.material() + "), then retry",
        "  or on the command line: ./bridge --data " + dataDir + " mappings add --shop " + DemoSeeder.SHOP_CODE + " --num-iid "
            + numIid + " --sku-id " + first.skuId() + " --material " + first.material() + "  then  ./bridge --data " + dataDir
            + " exceptions retry --all");
  }
}
