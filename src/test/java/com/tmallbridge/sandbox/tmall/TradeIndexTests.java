package com.tmallbridge.sandbox.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TradeIndexTests {
  private static final int CATEGORIES = 6;

  private record Key(long second, long tid, int category) {}

  private static final Comparator<Key> INDEX_ORDER =
      Comparator.comparingLong(Key::second).reversed().thenComparingLong(Key::tid);

  private static List<Long> naivePage(
      Map<Long, Key> keys, long from, long to, int[] categories, int offset, int limit) {
    return keys.values().stream()
        .filter(k -> k.second() >= from && k.second() <= to)
        .filter(k -> Arrays.binarySearch(categories, k.category()) >= 0)
        .sorted(INDEX_ORDER)
        .skip(offset)
        .limit(limit)
        .map(Key::tid)
        .toList();
  }

  private static int naiveCount(Map<Long, Key> keys, long from, long to, int[] categories) {
    return naivePage(keys, from, to, categories, 0, Integer.MAX_VALUE).size();
  }

  @Test
  void countsAndPagesMatchANaiveModelUnderRandomInsertsMovesAndRemovals() {
    SplittableRandom random = new SplittableRandom(11);
    TradeIndex index = new TradeIndex(CATEGORIES);
    Map<Long, Key> model = new HashMap<>();
    for (int step = 0; step < 4_000; step++) {
      int action = random.nextInt(10);
      if (action < 6 || model.isEmpty()) {
        Key key = new Key(random.nextLong(1_000), 10_000L + step, random.nextInt(CATEGORIES));
        index.insert(key.second(), key.tid(), key.category());
        model.put(key.tid(), key);
      } else {
        List<Long> tids = new ArrayList<>(model.keySet());
        Key old = model.get(tids.get(random.nextInt(tids.size())));
        index.remove(old.second(), old.tid(), old.category());
        model.remove(old.tid());
        if (action < 9) {
          Key moved =
              new Key(old.second() + random.nextInt(50), old.tid(), random.nextInt(CATEGORIES));
          index.insert(moved.second(), moved.tid(), moved.category());
          model.put(moved.tid(), moved);
        }
      }
      if (step % 97 == 0) {
        assertSameAnswers(index, model, random);
      }
    }
    assertThat(index.size()).isEqualTo(model.size());
  }

  private static void assertSameAnswers(
      TradeIndex index, Map<Long, Key> model, SplittableRandom random) {
    for (int probe = 0; probe < 20; probe++) {
      long from = random.nextLong(1_000);
      long to = from + random.nextLong(400);
      int[] categories =
          random.ints(1 + random.nextInt(CATEGORIES), 0, CATEGORIES).distinct().sorted().toArray();
      int offset = random.nextInt(60);
      int limit = 1 + random.nextInt(40);

      assertThat(index.count(from, to, categories))
          .isEqualTo(naiveCount(model, from, to, categories));
      assertThat(index.page(from, to, categories, offset, limit))
          .containsExactlyElementsOf(naivePage(model, from, to, categories, offset, limit));
    }
  }

  @Test
  void treatsWindowBoundsAsInclusiveSeconds() {
    TradeIndex index = new TradeIndex(1);
    index.insert(100, 1, 0);
    index.insert(200, 2, 0);
    index.insert(200, 3, 0);
    index.insert(300, 4, 0);

    assertThat(index.page(200, 300, new int[] {0}, 0, 10)).containsExactly(4L, 2L, 3L);
    assertThat(index.page(100, 200, new int[] {0}, 1, 10)).containsExactly(3L, 1L);
    assertThat(index.count(201, 299, new int[] {0})).isZero();
    assertThat(index.count(300, 100, new int[] {0})).isZero();
    assertThat(index.page(300, 100, new int[] {0}, 0, 10)).isEmpty();
  }

  @Test
  void returnsNothingForAnEmptyCategorySelection() {
    TradeIndex index = new TradeIndex(2);
    index.insert(100, 1, 0);

    assertThat(index.count(0, 1_000, new int[0])).isZero();
    assertThat(index.page(0, 1_000, new int[0], 0, 10)).isEmpty();
  }
}
