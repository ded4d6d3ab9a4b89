package com.tmallbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bounded, window-at-a-time page imports of the poller, without a database. */
class PageImportsTests {

  @Test
  void runsUpToItsParallelismAtOnceAndAnswersInSubmissionOrder() throws Exception {
    PageImports imports = new PageImports(3);
    PageImports.Window<Integer> window = imports.window();
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();

    CompletableFuture<List<Integer>> submitter = CompletableFuture.supplyAsync(() -> {
      for (int i = 0; i < 7; i++) {
        int page = i;
        window.submit(() -> {
          started.incrementAndGet();
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            gate.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          running.decrementAndGet();
          return page * 10;
        });
      }
      return window.awaitAll();
    });

    await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 3);
    assertThat(submitter).as("the fourth page waits for a free slot").isNotDone();
    assertThat(started).hasValue(3);
    gate.countDown();

    assertThat(submitter.get(30, TimeUnit.SECONDS)).containsExactly(0, 10, 20, 30, 40, 50, 60);
    assertThat(most).hasValue(3);
  }

  @Test
  void aFailedPageStopsTheWindowOnceThePagesRunningBesideItFinished() {
    PageImports.Window<Integer> window = new PageImports(2).window();
    CountDownLatch slowMayEnd = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    window.submit(() -> {
      try {
        slowMayEnd.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      finished.incrementAndGet();
      return 1;
    });
    // the submit that hears of the failure is this one or a later one, whichever runs after page 2 threw
    AtomicReference<Throwable> stopped = new AtomicReference<>(catchThrowable(() -> window.submit(() -> {
      slowMayEnd.countDown();
      throw new IllegalStateException("page 2 refused");
    })));
    await().atMost(Duration.ofSeconds(10)).until(() -> stopped.get() != null || stopped.compareAndSet(null, catchThrowable(() -> window.submit(() -> 3))) && stopped.get() != null);

    assertThat(stopped.get()).isInstanceOf(IllegalStateException.class).hasMessage("page 2 refused");
    assertThat(finished).as("the page running beside the failed one finished first").hasValue(1);
    assertThatThrownBy(window::awaitAll).hasMessage("page 2 refused");
  }

  @Test
  void withAParallelismOfOneEveryPageRunsOnTheCallersThreadInTurn() {
    PageImports.Window<String> window = new PageImports(1).window();
    Thread caller = Thread.currentThread();
    IntStream.range(0, 3).forEach(i -> window.submit(() -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      return "page " + i;
    }));
    assertThat(window.awaitAll()).containsExactly("page 0", "page 1", "page 2");

    PageImports.Window<String> failing = new PageImports(1).window();
    assertThatThrownBy(() -> failing.submit(() -> {
      throw new IllegalStateException("refused");
    })).hasMessage("refused");
  }

  @Test
  void refusesAParallelismBelowOne() {
    assertThatThrownBy(() -> new PageImports(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
