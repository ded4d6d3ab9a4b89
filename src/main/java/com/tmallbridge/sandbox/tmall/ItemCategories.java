package com.tmallbridge.sandbox.tmall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's category tree, as {@code taobao.itemcats.get} serves it: a top-level category
 * ({@code parent_cid} 0) above each leaf category of {@link ProductCatalog}, with names close to
 * Tmall's. App-wide: every shop sees the same tree. Immutable.
 */
final class ItemCategories {

  /**
   * One category.
   *
   * @param cid its id
   * @param parentCid the parent's id, 0 for a top-level category
   * @param name its name
   * @param isParent whether it has children (a leaf category holds items)
   * @param sortOrder its place among its siblings
   */
  record ItemCategory(long cid, long parentCid, String name, boolean isParent, int sortOrder) {}

  static final List<ItemCategory> ALL = List.of(
      new ItemCategory(16, 0, "女装/女士精品", true, 1),
      new ItemCategory(50010850, 16, "连衣裙", false, 1),
      new ItemCategory(30, 0, "男装", true, 2),
      new ItemCategory(50000436, 30, "T恤", false, 1),
      new ItemCategory(50012029, 0, "运动鞋new", true, 3),
      new ItemCategory(50012906, 50012029, "跑步鞋", false, 1),
      new ItemCategory(1801, 0, "美容护肤/美体/精油", true, 4),
      new ItemCategory(50011977, 1801, "乳液/面霜", false, 1),
      new ItemCategory(50002766, 0, "零食/坚果/特产", true, 5),
      new ItemCategory(50008055, 50002766, "坚果/炒货", false, 1),
      new ItemCategory(50008090, 0, "3C数码配件", true, 6),
      new ItemCategory(50005050, 50008090, "耳机/耳麦", false, 1),
      new ItemCategory(50008163, 0, "床上用品", true, 7),
      new ItemCategory(50008779, 50008163, "床品套件/四件套/多件套", false, 1),
      new ItemCategory(50016349, 0, "厨房/烹饪用具", true, 8),
      new ItemCategory(50016434, 50016349, "炒锅", false, 1));

  private static final Map<Long, ItemCategory> BY_CID = byCid();

  private ItemCategories() {}

  static Optional<ItemCategory> byCid(long cid) {
    return Optional.ofNullable(BY_CID.get(cid));
  }

  /** The children of {@code parentCid} (0: the top level), in their sort order. */
  static List<ItemCategory> children(long parentCid) {
    return ALL.stream().filter(c -> c.parentCid() == parentCid)
        .sorted(java.util.Comparator.comparingInt(ItemCategory::sortOrder)).toList();
  }

  private static Map<Long, ItemCategory> byCid() {
    Map<Long, ItemCategory> map = new LinkedHashMap<>();
    ALL.forEach(c -> map.put(c.cid(), c));
    return Map.copyOf(map);
  }
}
