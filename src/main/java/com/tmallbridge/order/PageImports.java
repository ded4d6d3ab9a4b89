package com.tmallbridge.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs the imports of a window's pages, up to {@code parallelism} at once on a small pool of
 * import threads, while the caller's thread goes on reading pages. With a parallelism of 1 every
 * import runs on the caller's thread, one after the other, exactly as a plain loop would.
 *
 * <p>What a window promises its caller ({@link Window#awaitAll}): it returns only after every page
 * handed to it was imported, and throws when any of them failed, so the caller advances its
 * checkpoint only after every page of the window is stored. Once a page failed, the next {@link
 * Window#submit} throws that failure, so the feed stops reading a window that will be read again.
 * The imports themselves must be safe to run side by side ({@link TradeImporter} is).
 */
final class PageImports {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final int parallelism;
  private final @Nullable ExecutorService pool;

  /** @param parallelism pages imported at once, at least 1 */
  PageImports(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    if (parallelism == 1) {
      this.pool = null;
    } else {
      // at most `parallelism` tasks are ever queued or running (the window's semaphore); idle threads exit after a minute
      ThreadPoolExecutor executor = new ThreadPoolExecutor(parallelism, parallelism, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, "order-import-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
      executor.allowCoreThreadTimeOut(true);
      this.pool = executor;
    }
  }

  int parallelism() {
    return parallelism;
  }

  /** A new window: its pages are submitted from one thread, then awaited once. */
  <T> Window<T> window() {
    return new Window<>();
  }

  /** The page imports of one window. {@link #submit} and {@link #awaitAll} are called from one thread. */
  final class Window<T> {
    private final Semaphore slots = new Semaphore(parallelism);
    private final List<CompletableFuture<T>> imports = new ArrayList<>();
    private volatile @Nullable Throwable failure;

    private Window() {}

    /**
     * Starts a page's import, after waiting for a free slot when {@code parallelism} imports are
     * running (so the reader stays at most that many pages ahead of the database).
     *
     * @throws RuntimeException the failure of an earlier page of this window, if one failed
     */
    void submit(Supplier<T> pageImport) {
      rethrowFailure();
      if (pool == null) {
        imports.add(CompletableFuture.completedFuture(pageImport.get()));
        return;
      }
      slots.acquireUninterruptibly();
      try {
        imports.add(CompletableFuture.supplyAsync(() -> {
          try {
            return pageImport.get();
          } catch (RuntimeException | Error e) {
            if (failure == null) {
              failure = e;
            }
            throw e;
          } finally {
            slots.release();
          }
        }, pool));
      } catch (RuntimeException e) {
        slots.release();
        throw e;
      }
      rethrowFailure();
    }

    /**
     * Waits until every submitted import finished, failed ones included.
     *
     * @return each page's result, in the order the pages were submitted
     * @throws RuntimeException the first failure of a page (others added as suppressed)
     */
    List<T> awaitAll() {
      List<T> results = new ArrayList<>(imports.size());
      Throwable first = null;
      for (CompletableFuture<T> page : imports) {
        try {
          results.add(page.join()); // not interruptible: the window must not return while a page still runs
        } catch (CompletionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          if (first == null) {
            first = cause;
          } else if (first != cause && !Arrays.asList(first.getSuppressed()).contains(cause)) {
            first.addSuppressed(cause);
          }
        }
      }
      if (first != null) {
        throw asUnchecked(first);
      }
      return results;
    }

    private void rethrowFailure() {
      Throwable failed = failure;
      if (failed != null) {
        // let the pages already running finish before the caller hears of it
        awaitAll();
        throw asUnchecked(failed);
      }
    }
  }

  private static RuntimeException asUnchecked(Throwable t) {
    if (t instanceof RuntimeException e) {
      return e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }
}
