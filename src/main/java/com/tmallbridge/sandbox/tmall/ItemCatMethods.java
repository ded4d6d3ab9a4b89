package com.tmallbridge.sandbox.tmall;

import com.tmallbridge.sandbox.tmall.ItemCategories.ItemCategory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code taobao.itemcats.get}, an app-level method (no session needed): {@code fields} required
 * (among {@code cid, parent_cid, name, is_parent, status, sort_order}); {@code cids} (ids separated
 * by commas, at most 1,000) or {@code parent_cid} (0 = the top level), at least one of them, else
 * code 40 for {@code cids}. With {@code cids} the answer holds the known ones among them, in the
 * order asked (unknown ids are left out, as Tmall does); with {@code parent_cid} its children. The
 * list is {@code item_cats} of {@code item_cat}, beside {@code last_modified}.
 */
final class ItemCatMethods {
  static final int MAX_CIDS = 1_000;
  /** When the sandbox's tree last changed, as {@code last_modified} says. */
  private static final String LAST_MODIFIED = "2026-01-01 00:00:00";

  ObjectNode get(ApiCall call) {
    BusinessParams params = call.params();
    FieldSelection fields = params.fields();
    @Nullable String cids = params.optional("cids");
    @Nullable String parent = params.optional("parent_cid");
    List<ItemCategory> found = new ArrayList<>();
    if (cids != null && !cids.isBlank()) {
      for (long cid : cids(cids)) {
        ItemCategories.byCid(cid).ifPresent(found::add);
      }
    } else if (parent != null) {
      found.addAll(ItemCategories.children(number("parent_cid", parent)));
    } else {
      throw TopError.missingParameter("cids");
    }
    List<ObjectNode> written = new ArrayList<>(found.size());
    for (ItemCategory c : found) {
      written.add(write(c, fields, call.shape()));
    }
    ObjectNode body = ResponseShape.object();
    body.put("last_modified", LAST_MODIFIED);
    call.shape().list(body, "item_cats", "item_cat", written);
    return body;
  }

  private static Set<Long> cids(String text) {
    String[] parts = text.split(",");
    if (parts.length > MAX_CIDS) {
      throw TopError.invalidArgument("cids", "cids takes at most " + MAX_CIDS + " category ids, got " + parts.length);
    }
    Set<Long> cids = new LinkedHashSet<>();
    for (String part : parts) {
      cids.add(number("cids", part.trim()));
    }
    return cids;
  }

  private static long number(String name, String value) {
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw TopError.invalidArgument(name, name + " must be category ids (numbers) separated by commas, got '" + value + "'");
    }
  }

  private static ObjectNode write(ItemCategory c, FieldSelection fields, ResponseShape shape) {
    ObjectNode node = ResponseShape.object();
    if (fields.has("cid")) {
      shape.id(node, "cid", c.cid());
    }
    if (fields.has("parent_cid")) {
      shape.id(node, "parent_cid", c.parentCid());
    }
    if (fields.has("name")) {
      node.put("name", c.name());
    }
    if (fields.has("is_parent")) {
      node.put("is_parent", c.isParent());
    }
    if (fields.has("status")) {
      node.put("status", "normal");
    }
    if (fields.has("sort_order")) {
      node.put("sort_order", c.sortOrder());
    }
    return node;
  }
}
