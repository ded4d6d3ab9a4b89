package com.tmallbridge.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An item (product listing) on the channel with its SKUs (empty for items without SKUs). */
public record ChannelItem(
    String numIid,
    String title,
    @Nullable String outerId,
    long priceFen,
    int quantity,
    @Nullable String approveStatus,
    List<ChannelSku> skus) {

  public ChannelItem {
    skus = List.copyOf(skus);
  }
}
