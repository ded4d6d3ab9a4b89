package com.tmallbridge.golive;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Options of a go-live run.
 *
 * @param shopCode the code of the sandbox shop in the bridge and on the ERP's documents (default
 *     {@code GOLIVE}); must not be the code of a real shop
 * @param material the ERP material the test trade sells; null creates {@link
 *     GoLiveCheck#DEFAULT_MATERIAL} (when the ERP can create materials)
 * @param warehouse the ERP warehouse that receives and ships; null takes the ERP's first
 */
public record GoLiveOptions(String shopCode, @Nullable String material, @Nullable String warehouse) {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  public GoLiveOptions {
    if (!CODE.matcher(shopCode).matches()) {
      throw new IllegalArgumentException("--shop '" + shopCode + "' is invalid: use 1-32 letters, digits, '-' or '_'");
    }
    if (material != null && material.isBlank()) {
      throw new IllegalArgumentException("--material must not be blank");
    }
  }
}
