package com.tmallbridge.product;

import com.tmallbridge.channel.CategoryDirectory.ChannelCategory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code product_category} table: Tmall's category names by cid. */
@Repository
class CategoryRepository {
  private static final int IN_CHUNK = 500;

  private final JdbcClient jdbc;

  CategoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The cids among {@code cids} with no name stored, or with one read before {@code readBefore}. */
  Set<Long> toRead(Collection<Long> cids, Instant readBefore) {
    List<Long> all = new ArrayList<>(new HashSet<>(cids));
    Set<Long> fresh = new HashSet<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      fresh.addAll(jdbc.sql("select cid from product_category where cid in (:cids) and read_at >= :before")
          .param("cids", chunk).param("before", OffsetDateTime.ofInstant(readBefore, ZoneOffset.UTC)).query(Long.class).list());
    }
    Set<Long> out = new HashSet<>(all);
    out.removeAll(fresh);
    return out;
  }

  /**
   * Stores each category's name and path, replacing what was stored for its cid. Not atomic over the
   * collection: each category is one statement (a concurrent match of another shop may store the same
   * cid; either write is right).
   */
  void save(Collection<ChannelCategory> categories, Instant readAt) {
    OffsetDateTime at = OffsetDateTime.ofInstant(readAt, ZoneOffset.UTC);
    for (ChannelCategory c : categories) {
      int updated = jdbc.sql("update product_category set name = ?, path = ?, read_at = ? where cid = ?")
          .params(abbreviate(c.name(), 100), abbreviate(c.pathText(), 400), at, c.cid()).update();
      if (updated == 0) {
        try {
          jdbc.sql("insert into product_category (cid, name, path, read_at) values (?, ?, ?, ?)")
              .params(c.cid(), abbreviate(c.name(), 100), abbreviate(c.pathText(), 400), at).update();
        } catch (DuplicateKeyException e) {
          // another shop's match stored the same category a moment ago: its names are as fresh
        }
      }
    }
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
