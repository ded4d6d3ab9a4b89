package com.tmallbridge.alert;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert messages to every configured {@link AlertChannel} on a thread of its own, so that
 * the schedulers that raise alerts never wait for a webhook or an SMTP server: {@link #deliver}
 * queues and returns at once. Each channel's attempt is retried with exponential backoff
 * (Resilience4j {@link Retry}, {@code bridge.alerts.retry.*}) while the failure is retryable; a
 * message that still fails is logged and counted ({@code bridge.alerts.deliveries{channel,outcome}})
 * and given up. At most 1000 messages wait; more are dropped with a log line. Thread-safe.
 */
final class AlertNotifier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);
  private static final int QUEUE = 1000;

  private final List<AlertChannel> channels;
  private final RetryConfig retryConfig;
  private final @Nullable MeterRegistry meters;
  private final ThreadPoolExecutor worker;
  private final java.util.concurrent.atomic.AtomicInteger undelivered = new java.util.concurrent.atomic.AtomicInteger();

  AlertNotifier(List<AlertChannel> channels, AlertProperties.Retry retry, @Nullable MeterRegistry meters) {
    this.channels = List.copyOf(channels);
    this.meters = meters;
    this.retryConfig = RetryConfig.custom()
        .maxAttempts(retry.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialBackoff(retry.initialBackoff(), 2.0))
        .retryOnException(e -> e instanceof AlertDeliveryException d && d.retryable())
        .build();
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread t = new Thread(r, "alert-notifier");
      t.setDaemon(true);
      return t;
    });
  }

  /** The channels messages go to. */
  List<AlertChannel> channels() {
    return channels;
  }

  /** Messages queued by {@link #deliver} whose sending (with its retries) has not ended yet. */
  int undelivered() {
    return undelivered.get();
  }

  /** Queues {@code message} for every channel and returns at once. */
  void deliver(AlertMessage message) {
    if (channels.isEmpty()) {
      return;
    }
    undelivered.incrementAndGet();
    try {
      worker.execute(() -> {
        try {
          sendToAll(message);
        } finally {
          undelivered.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      undelivered.decrementAndGet();
      log.warn("alert message dropped, {} are waiting already: {}", QUEUE, message.title());
    }
  }

  /**
   * Sends {@code message} to every channel now, on the caller's thread, with the retries.
   *
   * @return one outcome per channel, in order
   */
  List<Outcome> sendNow(AlertMessage message) {
    List<Outcome> outcomes = new ArrayList<>();
    for (AlertChannel channel : channels) {
      outcomes.add(sendTo(channel, message));
    }
    return outcomes;
  }

  private void sendToAll(AlertMessage message) {
    for (Outcome outcome : sendNow(message)) {
      if (outcome.error() != null) {
        log.warn("alert not delivered after retries: {}: {}", message.title(), outcome.error());
      }
    }
  }

  private Outcome sendTo(AlertChannel channel, AlertMessage message) {
    Retry retry = Retry.of("alert-" + channel.id(), retryConfig);
    try {
      retry.executeCheckedSupplier(() -> {
        channel.send(message);
        return null;
      });
      count(channel, "sent");
      return new Outcome(channel.id(), null);
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      count(channel, "failed");
      return new Outcome(channel.id(), e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private void count(AlertChannel channel, String outcome) {
    if (meters != null) {
      meters.counter("bridge.alerts.deliveries", "channel", channel.id(), "outcome", outcome).increment();
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  /**
   * How sending to one channel ended.
   *
   * @param channel the channel's id
   * @param error why it failed after its retries, null when it was delivered
   */
  record Outcome(String channel, @Nullable String error) {}
}
