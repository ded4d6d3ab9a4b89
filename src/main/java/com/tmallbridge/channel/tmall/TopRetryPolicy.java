package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.tmall.TopFailureClassifier.Action;
import com.tmallbridge.channel.tmall.TopFailureClassifier.Verdict;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When and how long to wait before repeating a failed TOP call, as a Resilience4j {@link Retry}:
 * transient failures back off exponentially with jitter; a flow-control ban the gateway announces
 * ("This ban will last for N more seconds") is retried when N is at most {@code maxBanWait} — the
 * next attempt waits for the ban's end before it goes out ({@link ShopBans}, which {@link
 * TopClient} keeps per shop, so every thread resumes at the end of the ban as first announced, one
 * call first and the others when it met no ban) — and not retried when longer; every other failure is final at once. Thread-safe.
 */
final class TopRetryPolicy {
  private static final Logger log = LoggerFactory.getLogger(TopRetryPolicy.class);

  private final Retry retry;
  private final IntervalFunction backoff;
  private final Duration maxBanWait;

  TopRetryPolicy(TmallProperties properties) {
    this.maxBanWait = properties.maxBanWait();
    this.backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            properties.retryBaseDelay(), 2.0, 0.5, properties.retryMaxDelay());
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(properties.maxAttempts())
            .retryOnException(this::shouldRetry)
            .intervalBiFunction(this::waitMillis)
            .build();
    this.retry = Retry.of("tmall-top", config);
    retry
        .getEventPublisher()
        .onRetry(
            event ->
                log.info(
                    "TOP call attempt {} failed, next in {}: {}",
                    event.getNumberOfRetryAttempts(),
                    event.getWaitInterval(),
                    String.valueOf(event.getLastThrowable())));
  }

  /** Runs {@code attempt} until it succeeds, fails for good or the attempts are used up. */
  <T> T execute(Supplier<T> attempt) {
    return retry.executeSupplier(attempt);
  }

  boolean shouldRetry(Throwable failure) {
    Verdict verdict = TopFailureClassifier.classify(failure);
    return switch (verdict.action()) {
      case RETRY -> true;
      case FLOW_CONTROL -> verdict.ban() == null || verdict.ban().compareTo(maxBanWait) <= 0;
      case REAUTHORISE, PERMANENT, INTERRUPTED -> false;
    };
  }

  private Long waitMillis(Integer attempt, Either<Throwable, Object> outcome) {
    if (outcome.isLeft()) {
      Verdict verdict = TopFailureClassifier.classify(outcome.getLeft());
      if (verdict.action() == Action.FLOW_CONTROL && verdict.ban() != null) {
        return 1L; // the next attempt itself waits for the shop's ban to end (ShopBans)
      }
    }
    return backoff.apply(attempt);
  }
}
