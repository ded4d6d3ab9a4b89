package com.tmallbridge.sandbox.tmall;

import java.util.HashMap;
import java.util.Map;

/**
 * Which faults the gateway injects, drawn at random from the sandbox seed. Rates are probabilities
 * per API call in [0, 1].
 *
 * @param errorRate probability of a server-side error: code 15 with an {@code isp.*} sub code, or
 *     code 10 (service unavailable)
 * @param methodErrorRates per-method error probability; replaces {@code errorRate} for that method
 * @param banRate probability that a call starts a flow-control ban (code 7, {@code
 *     accesscontrol.limited-by-app-api-access-count}); while it lasts every call is refused
 * @param banMinSeconds shortest ban, at least 1
 * @param banMaxSeconds longest ban, at least {@code banMinSeconds}
 * @param latencyMillis added to every gateway response
 * @param malformedRate probability of a broken body: truncated JSON (HTTP 200) or an HTML 502 page
 * @param partialListRate probability that a trade in a list answer lacks its {@code orders}, so
 *     that the client must call {@code taobao.trade.fullinfo.get}
 */
public record FaultSettings(
    double errorRate,
    Map<String, Double> methodErrorRates,
    double banRate,
    int banMinSeconds,
    int banMaxSeconds,
    long latencyMillis,
    double malformedRate,
    double partialListRate) {

  public FaultSettings {
    methodErrorRates = Map.copyOf(methodErrorRates);
    requireRate("errorRate", errorRate);
    methodErrorRates.forEach((method, rate) -> requireRate(method, rate));
    requireRate("banRate", banRate);
    requireRate("malformedRate", malformedRate);
    requireRate("partialListRate", partialListRate);
    if (banMinSeconds < 1 || banMaxSeconds < banMinSeconds) {
      throw new IllegalArgumentException(
          "ban seconds must satisfy 1 <= min <= max, got " + banMinSeconds + ".." + banMaxSeconds);
    }
    if (latencyMillis < 0) {
      throw new IllegalArgumentException("latencyMillis must be >= 0, got " + latencyMillis);
    }
  }

  /** No faults at all; bans, when enabled, last 1–2 s. */
  public static FaultSettings none() {
    return new FaultSettings(0, Map.of(), 0, 1, 2, 0, 0, 0);
  }

  public FaultSettings withErrorRate(double rate) {
    return new FaultSettings(
        rate,
        methodErrorRates,
        banRate,
        banMinSeconds,
        banMaxSeconds,
        latencyMillis,
        malformedRate,
        partialListRate);
  }

  public FaultSettings withMethodErrorRate(String method, double rate) {
    Map<String, Double> rates = new HashMap<>(methodErrorRates);
    rates.put(method, rate);
    return new FaultSettings(
        errorRate,
        rates,
        banRate,
        banMinSeconds,
        banMaxSeconds,
        latencyMillis,
        malformedRate,
        partialListRate);
  }

  public FaultSettings withBans(double rate, int minSeconds, int maxSeconds) {
    return new FaultSettings(
        errorRate,
        methodErrorRates,
        rate,
        minSeconds,
        maxSeconds,
        latencyMillis,
        malformedRate,
        partialListRate);
  }

  public FaultSettings withLatencyMillis(long millis) {
    return new FaultSettings(
        errorRate,
        methodErrorRates,
        banRate,
        banMinSeconds,
        banMaxSeconds,
        millis,
        malformedRate,
        partialListRate);
  }

  public FaultSettings withMalformedRate(double rate) {
    return new FaultSettings(
        errorRate,
        methodErrorRates,
        banRate,
        banMinSeconds,
        banMaxSeconds,
        latencyMillis,
        rate,
        partialListRate);
  }

  public FaultSettings withPartialListRate(double rate) {
    return new FaultSettings(
        errorRate,
        methodErrorRates,
        banRate,
        banMinSeconds,
        banMaxSeconds,
        latencyMillis,
        malformedRate,
        rate);
  }

  /** The error probability for one method. */
  public double errorRateFor(String method) {
    return methodErrorRates.getOrDefault(method, errorRate);
  }

  private static void requireRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be within [0, 1], got " + rate);
    }
  }
}
