package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.ShopId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Calls TOP methods for a shop: signs and sends the request ({@link TopTransport}), parses the
 * envelope ({@link TopEnvelopeParser}), takes a permit of the shop's rate limiter for every attempt
 * ({@link ShopRateLimiters}), repeats transient failures and short flow-control bans ({@link
 * TopRetryPolicy}), and reports final failures as {@link ChannelException}. After TOP declares a
 * shop's session invalid, further calls with the same credentials are refused without touching the
 * network until {@link #clearReauthorisation} or new credentials. After TOP announced a short
 * flow-control ban, every call of the shop, on any thread, waits for the ban's end before it goes
 * out; at the end one call goes first and the others follow when it met no ban (or {@code
 * banWaitMargin} after the end at the latest, see {@link ShopBans}). Thread-safe; one instance
 * serves all shops.
 *
 * <p>Timers: {@code bridge.tmall.call} (tag {@code method}) times each call from start to its final
 * answer or failure, permit waits and retries included; {@code bridge.tmall.permit} (tag {@code
 * lane}: urgent or background, {@link ShopRateLimiters.Lane}) times each wait for a rate-limit permit.
 */
final class TopClient {
  private final TopTransport transport;
  private final ShopRateLimiters limiters;
  private final TopRetryPolicy retryPolicy;
  private final ReauthorisationRegister reauthorisation = new ReauthorisationRegister();
  private final ShopBans bans;
  private final TopExceptionTranslator translator;
  private final MeterRegistry meters;
  private final Timer permitWait;
  private final Timer urgentPermitWait;
  private final Map<String, Timer> callTimers = new ConcurrentHashMap<>();

  /** A client whose timers go nowhere (tests). */
  TopClient(TmallProperties properties, Clock clock) {
    this(properties, clock, new CompositeMeterRegistry());
  }

  TopClient(TmallProperties properties, Clock clock, MeterRegistry meters) {
    this.transport =
        new TopTransport(
            properties.connectTimeout(), properties.readTimeout(), clock, properties.simplify(), properties.partnerId());
    this.limiters = new ShopRateLimiters(properties.callsPerSecond(), properties.pushReserve(), properties.rateLimitTimeout());
    this.retryPolicy = new TopRetryPolicy(properties);
    this.bans = new ShopBans(properties.maxBanWait(), properties.banWaitMargin());
    this.translator = new TopExceptionTranslator(clock);
    this.meters = meters;
    this.permitWait = Timer.builder("bridge.tmall.permit").description("Wait for a TOP rate-limit permit, per attempt")
        .tag("lane", "background").register(meters);
    this.urgentPermitWait = Timer.builder("bridge.tmall.permit").description("Wait for a TOP rate-limit permit, per attempt")
        .tag("lane", "urgent").register(meters);
  }

  /**
   * Calls one TOP method.
   *
   * @return the successful response with its envelope removed
   * @throws ChannelException kind RETRYABLE (transport, server errors or unannounced flow control
   *     after the last attempt, or no rate-limit permit), BANNED (an announced ban longer than
   *     {@code maxBanWait}, or still banned after the last attempt; {@code retryAfter} set),
   *     NEEDS_REAUTHORISATION (session invalid, now or earlier) or PERMANENT (the call is wrong)
   */
  TopResponse call(ShopCredentials shop, TopRequest request) {
    return call(shop, request, ShopRateLimiters.Lane.BACKGROUND);
  }

  /**
   * Calls one TOP method in {@code lane} of the shop's rate limiter ({@link ShopRateLimiters}:
   * urgent calls, the reads of pushed messages, have a reserve of permits); otherwise as {@link
   * #call(ShopCredentials, TopRequest)}.
   */
  TopResponse call(ShopCredentials shop, TopRequest request, ShopRateLimiters.Lane lane) {
    if (reauthorisation.refuses(shop)) {
      throw translator.reauthorisationPending(shop.shop(), request.method());
    }
    long started = System.nanoTime();
    try {
      return retryPolicy.execute(() -> attempt(shop, request, lane));
    } catch (RuntimeException failure) {
      RuntimeException translated = translator.translate(shop.shop(), request.method(), failure);
      if (translated instanceof ChannelException ce && ce.kind() == ChannelException.Kind.NEEDS_REAUTHORISATION) {
        reauthorisation.remember(shop);
      }
      throw translated;
    } finally {
      callTimer(request.method()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }

  private Timer callTimer(String method) {
    Timer timer = callTimers.get(method);
    if (timer == null) {
      timer = callTimers.computeIfAbsent(method, m -> Timer.builder("bridge.tmall.call")
          .description("A TOP call from start to final answer, permit waits and retries included").tag("method", m).register(meters));
    }
    return timer;
  }

  /** Lets calls for {@code shop} go out again after its session was reported invalid. */
  void clearReauthorisation(ShopId shop) {
    reauthorisation.clear(shop);
  }

  /** Whether calls for {@code shop} are being refused until it is re-authorised. */
  boolean needsReauthorisation(ShopId shop) {
    return reauthorisation.isPending(shop);
  }

  /** How long calls for {@code shop} may still wait for a short ban TOP announced, margin included; zero when none is known. */
  Duration banLeft(ShopId shop) {
    return bans.left(shop);
  }

  private TopResponse attempt(ShopCredentials shop, TopRequest request, ShopRateLimiters.Lane lane) {
    ShopBans.Ban probing;
    try {
      probing = bans.awaitTurn(shop.shop());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopTransportException(request.method() + ": interrupted while waiting for a flow-control ban to end", e);
    }
    boolean banned = false;
    try {
      long waiting = System.nanoTime();
      limiters.acquire(shop.shop(), lane);
      (lane == ShopRateLimiters.Lane.URGENT ? urgentPermitWait : permitWait).record(System.nanoTime() - waiting, TimeUnit.NANOSECONDS);
      TopTransport.Answer answer = transport.send(shop, request);
      if (answer.status() != 200) {
        TopApiError error = TopEnvelopeParser.errorIn(answer.body());
        if (error != null) {
          throw new TopApiException(request.method(), error);
        }
        throw new TopTransportException(
            request.method() + " answered HTTP " + answer.status() + ": " + TopEnvelopeParser.excerpt(answer.body()), null);
      }
      return TopEnvelopeParser.parse(request.method(), answer.body(), transport.simplify());
    } catch (TopApiException e) {
      TopFailureClassifier.Verdict verdict = TopFailureClassifier.classify(e.error());
      if (verdict.action() == TopFailureClassifier.Action.FLOW_CONTROL && verdict.ban() != null) {
        banned = bans.announced(shop.shop(), verdict.ban());
      }
      throw e;
    } finally {
      if (probing != null && !banned) {
        bans.over(shop.shop(), probing); // the first call after the ban met none: the shop's other calls go
      }
    }
  }
}
