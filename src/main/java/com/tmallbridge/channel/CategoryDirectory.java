package com.tmallbridge.channel;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Names a channel's item categories, for reports that group sales by category. Thread-safe. */
public interface CategoryDirectory {

  /**
   * The categories with these ids, each with its path from the top level. Ids the channel does not
   * know are left out of the answer.
   *
   * @throws ChannelException when the channel refuses or fails after the client's retries
   */
  Map<Long, ChannelCategory> categories(ShopCredentials shop, Collection<Long> cids);

  /**
   * A category as the channel names it.
   *
   * @param cid its id
   * @param name its own name, e.g. {@code 连衣裙}
   * @param path the names from the top level down to this one, e.g. {@code [女装/女士精品, 连衣裙]}
   */
  record ChannelCategory(long cid, String name, List<String> path) {
    public ChannelCategory {
      path = List.copyOf(path);
    }

    /** The path joined with {@code " > "}. */
    public String pathText() {
      return String.join(" > ", path);
    }
  }
}
