package com.tmallbridge.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An item (product listing) on the channel with its SKUs (empty for items without SKUs).
 *
 * @param cid the channel's leaf category id of the item (Tmall's {@code cid}); null when the channel did not say
 */
public record ChannelItem(
    String numIid,
    String title,
    @Nullable String outerId,
    long priceFen,
    int quantity,
    @Nullable String approveStatus,
    List<ChannelSku> skus,
    @Nullable Long cid) {

  public ChannelItem {
    skus = List.copyOf(skus);
  }

  /** An item whose category is not known. */
  public ChannelItem(String numIid, String title, @Nullable String outerId, long priceFen, int quantity, @Nullable String approveStatus,
      List<ChannelSku> skus) {
    this(numIid, title, outerId, priceFen, quantity, approveStatus, skus, null);
  }
}
