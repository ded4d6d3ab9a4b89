package com.tmallbridge.sandbox.tmall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order-statistic treap of trades keyed by (time descending, tid ascending), the order TOP lists
 * trades in. Every node counts its subtree per category (status × type), so counting a filtered
 * window and fetching one page of it cost O(log n + page size) (times the number of selected
 * categories), whatever the window's size and the page number.
 *
 * <p>Not thread-safe: {@link TradeStore} guards it with a read-write lock.
 */
final class TradeIndex {
  private final int categoryCount;
  private @Nullable Node root;
  private int size;

  TradeIndex(int categoryCount) {
    this.categoryCount = categoryCount;
  }

  private final class Node {
    final long second;
    final long tid;
    final int category;
    final long priority;
    int[] counts = new int[categoryCount];
    @Nullable Node left;
    @Nullable Node right;

    Node(long second, long tid, int category) {
      this.second = second;
      this.tid = tid;
      this.category = category;
      this.priority = mix(tid ^ (second << 20));
    }
  }

  int size() {
    return size;
  }

  /** Adds a key; the caller guarantees it is not present yet. */
  void insert(long second, long tid, int category) {
    Node fresh = new Node(second, tid, category);
    fresh.counts[category] = 1;
    root = insert(root, fresh);
    size++;
  }

  /**
   * Removes a key with its category; the caller guarantees the pair was inserted. Expected cost
   * O(log n) plus O(categories) for the few rotations.
   */
  void remove(long second, long tid, int category) {
    root = remove(root, second, tid, category);
    size--;
  }

  /** Descends counting the new key on the way, then rotates it up by heap priority. */
  private Node insert(@Nullable Node node, Node fresh) {
    if (node == null) {
      return fresh;
    }
    node.counts[fresh.category]++;
    if (before(fresh.second, fresh.tid, node.second, node.tid)) {
      node.left = insert(node.left, fresh);
      return node.left.priority > node.priority ? rotateRight(node) : node;
    }
    node.right = insert(node.right, fresh);
    return node.right.priority > node.priority ? rotateLeft(node) : node;
  }

  private @Nullable Node remove(@Nullable Node node, long second, long tid, int category) {
    if (node == null) {
      throw new IllegalStateException("key " + second + "/" + tid + " is not in the index");
    }
    node.counts[category]--;
    if (node.second == second && node.tid == tid) {
      return merge(node.left, node.right);
    }
    if (before(second, tid, node.second, node.tid)) {
      node.left = remove(node.left, second, tid, category);
    } else {
      node.right = remove(node.right, second, tid, category);
    }
    return node;
  }

  /** The left child becomes the root of the subtree; subtree counts move with the root. */
  private Node rotateRight(Node node) {
    Node left = node.left;
    node.left = left.right;
    left.right = node;
    swapRootCounts(node, left);
    return left;
  }

  private Node rotateLeft(Node node) {
    Node right = node.right;
    node.right = right.left;
    right.left = node;
    swapRootCounts(node, right);
    return right;
  }

  /** The new root takes the old root's (whole subtree) counts; the old root is recounted. */
  private void swapRootCounts(Node oldRoot, Node newRoot) {
    int[] subtree = oldRoot.counts;
    oldRoot.counts = newRoot.counts;
    update(oldRoot);
    newRoot.counts = subtree;
  }

  /**
   * Number of keys of the given categories in the inclusive second range [from, to]; zero when
   * the range is empty ({@code from > to}).
   */
  int count(long fromSecond, long toSecond, int[] categories) {
    if (fromSecond > toSecond) {
      return 0;
    }
    return rankOfWindowEnd(fromSecond, categories) - rankOfWindowStart(toSecond, categories);
  }

  /**
   * The tids at positions [offset, offset + limit) of the window [from, to] restricted to the
   * categories, in index order (newest first).
   */
  List<Long> page(long fromSecond, long toSecond, int[] categories, int offset, int limit) {
    int start = rankOfWindowStart(toSecond, categories);
    int available = count(fromSecond, toSecond, categories) - offset;
    List<Long> tids = new ArrayList<>(Math.max(0, Math.min(limit, available)));
    if (available > 0) {
      collect(root, start + offset, categories, Math.min(limit, available), tids);
    }
    return tids;
  }

  /** Number of matching keys newer than {@code toSecond}: they precede the window. */
  private int rankOfWindowStart(long toSecond, int[] categories) {
    return rank(toSecond, Long.MIN_VALUE, categories);
  }

  /** Number of matching keys at or newer than {@code fromSecond}. */
  private int rankOfWindowEnd(long fromSecond, int[] categories) {
    return rank(fromSecond - 1, Long.MIN_VALUE, categories);
  }

  /** Number of matching keys ordered strictly before (second, tid). */
  private int rank(long second, long tid, int[] categories) {
    int rank = 0;
    Node node = root;
    while (node != null) {
      if (before(node.second, node.tid, second, tid)) {
        rank += count(node.left, categories) + (matches(node, categories) ? 1 : 0);
        node = node.right;
      } else {
        node = node.left;
      }
    }
    return rank;
  }

  private void collect(@Nullable Node node, int from, int[] categories, int limit, List<Long> out) {
    if (node == null || out.size() >= limit || count(node, categories) <= from) {
      return;
    }
    int leftCount = count(node.left, categories);
    if (from < leftCount) {
      collect(node.left, from, categories, limit, out);
    }
    int self = matches(node, categories) ? 1 : 0;
    if (self == 1 && from <= leftCount && out.size() < limit) {
      out.add(node.tid);
    }
    collect(node.right, Math.max(0, from - leftCount - self), categories, limit, out);
  }

  /** Joins two treaps where every key of {@code a} is before every key of {@code b}. */
  private @Nullable Node merge(@Nullable Node a, @Nullable Node b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a.priority > b.priority) {
      a.right = merge(a.right, b);
      update(a);
      return a;
    }
    b.left = merge(a, b.left);
    update(b);
    return b;
  }

  private void update(Node node) {
    Arrays.fill(node.counts, 0);
    node.counts[node.category] = 1;
    add(node.counts, node.left);
    add(node.counts, node.right);
  }

  private static void add(int[] counts, @Nullable Node child) {
    if (child != null) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += child.counts[i];
      }
    }
  }

  private static int count(@Nullable Node node, int[] categories) {
    if (node == null) {
      return 0;
    }
    int total = 0;
    for (int category : categories) {
      total += node.counts[category];
    }
    return total;
  }

  private static boolean matches(Node node, int[] categories) {
    return Arrays.binarySearch(categories, node.category) >= 0;
  }

  /** Index order: newer second first, then smaller tid. */
  private static boolean before(long second, long tid, long otherSecond, long otherTid) {
    return second != otherSecond ? second > otherSecond : tid < otherTid;
  }

  /** SplitMix64 finaliser: a deterministic pseudo-random heap priority per key. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
