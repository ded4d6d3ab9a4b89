package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.CategoryDirectory.ChannelCategory;
import com.tmallbridge.channel.ShopCredentials;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Names categories with taobao.itemcats.get ({@code cids}, at most 1,000 a call, fields {@code
 * cid,parent_cid,name}), then the parents they name, level by level up to the top ({@code parent_cid}
 * 0), at most {@value #MAX_DEPTH} levels. A parent Tmall does not know ends the path where it is.
 */
final class TmallCategoryDirectory {
  static final String METHOD = "taobao.itemcats.get";
  static final String FIELDS = "cid,parent_cid,name";
  static final int MAX_CIDS = 1_000;
  static final int MAX_DEPTH = 10;

  private record Node(long cid, long parentCid, String name) {}

  private final TopClient client;

  TmallCategoryDirectory(TopClient client) {
    this.client = client;
  }

  Map<Long, ChannelCategory> categories(ShopCredentials shop, Collection<Long> cids) {
    Map<Long, Node> known = new HashMap<>();
    Set<Long> wanted = new LinkedHashSet<>(cids);
    for (int level = 0; level < MAX_DEPTH && !wanted.isEmpty(); level++) {
      read(shop, wanted, known);
      Set<Long> parents = new LinkedHashSet<>();
      for (long cid : wanted) {
        Node node = known.get(cid);
        if (node != null && node.parentCid() > 0 && !known.containsKey(node.parentCid())) {
          parents.add(node.parentCid());
        }
      }
      wanted = parents;
    }
    Map<Long, ChannelCategory> out = new LinkedHashMap<>();
    for (long cid : new LinkedHashSet<>(cids)) {
      Node node = known.get(cid);
      if (node != null) {
        out.put(cid, new ChannelCategory(cid, node.name(), path(node, known)));
      }
    }
    return out;
  }

  private void read(ShopCredentials shop, Set<Long> cids, Map<Long, Node> known) {
    List<Long> ids = new ArrayList<>(cids);
    for (int from = 0; from < ids.size(); from += MAX_CIDS) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_CIDS));
      TopRequest request = TopRequest.of(METHOD).with("fields", FIELDS)
          .with("cids", String.join(",", chunk.stream().map(String::valueOf).toList()));
      for (JsonNode cat : client.call(shop, request).list("item_cats")) {
        long cid = TopValues.requiredInteger(cat, "cid");
        long parent = TopValues.integer(cat, "parent_cid", 0);
        String name = TopValues.requiredText(cat, "name");
        known.put(cid, new Node(cid, parent, name));
      }
    }
  }

  /** Names from the top down to {@code node}; a cycle or an unknown parent ends the walk. */
  private static List<String> path(Node node, Map<Long, Node> known) {
    List<String> up = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    Node at = node;
    while (at != null && seen.add(at.cid()) && up.size() < MAX_DEPTH) {
      up.add(0, at.name());
      at = at.parentCid() > 0 ? known.get(at.parentCid()) : null;
    }
    return up;
  }
}
