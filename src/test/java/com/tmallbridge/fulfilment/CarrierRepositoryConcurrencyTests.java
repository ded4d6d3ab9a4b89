package com.tmallbridge.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.testsupport.CleanDatabase;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Carrier mappings learnt by write-backs delivered side by side: several threads mapping the same
 * ERP carrier at once all succeed (the second insert used to fail on the primary key and cost the
 * write-back an attempt), and an operator's mapping still wins over a seeded one (H2 and PostgreSQL).
 */
@SpringBootTest
@CleanDatabase
class CarrierRepositoryConcurrencyTests extends SpringDatabaseTestBase {
  private static final int THREADS = 8;
  private static final int ROUNDS = 25;

  @Autowired CarrierRepository carriers;

  @Test
  void threadsMappingTheSameCarrierAtOnceAllSucceed() throws Exception {
    Instant now = Instant.parse("2026-12-05T00:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        ShopId shop = new ShopId(1_000 + round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          calls.add(pool.submit(() -> {
            start.await();
            carriers.map(shop, "顺丰", "SF", CarrierRepository.SEEDED, now);
            return null;
          }));
        }
        start.countDown();
        for (Future<?> call : calls) {
          call.get(); // rethrows a failed insert
        }
        assertThat(carriers.mapping(shop, "顺丰")).contains("SF");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSeededMappingNeverReplacesAnOperatorsAndAnOperatorsReplacesAny() {
    ShopId shop = new ShopId(7);
    Instant now = Instant.parse("2026-12-05T00:00:00Z");
    carriers.map(shop, "中通", "ZTO", CarrierRepository.SEEDED, now);
    carriers.map(shop, "中通", "YTO", CarrierRepository.OPERATOR, now);
    carriers.map(shop, "中通", "ZTO", CarrierRepository.SEEDED, now);
    assertThat(carriers.mapping(shop, "中通")).contains("YTO");
    carriers.map(shop, "中通", "STO", CarrierRepository.OPERATOR, now);
    assertThat(carriers.mapping(shop, "中通")).contains("STO");
  }
}
