package com.tmallbridge.order;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Facade of the order flow for the CLI, the demo and (later) the console. */
@Service
public class OrderManagement {
  private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

  private final ShopManagement shops;
  private final OrderPoller poller;
  private final OrderRepository trades;
  private final ExceptionRepository exceptions;
  private final ExceptionRetrier retrier;
  private final com.tmallbridge.sync.Checkpoints checkpoints;
  private final AuditLog audit;
  private final TradeDetails details;
  private final com.tmallbridge.audit.ActorContext actors;
  private final TradeReceivers receivers;
  private final Clock clock;
  private final TradeRefetch refetch;

  OrderManagement(
      ShopManagement shops, OrderPoller poller, OrderRepository trades, ExceptionRepository exceptions,
      ExceptionRetrier retrier, com.tmallbridge.sync.Checkpoints checkpoints, AuditLog audit, TradeDetails details,
      com.tmallbridge.audit.ActorContext actors, TradeReceivers receivers, TradeRefetch refetch, Clock clock) {
    this.refetch = refetch;
    this.receivers = receivers;
    this.shops = shops;
    this.poller = poller;
    this.trades = trades;
    this.exceptions = exceptions;
    this.retrier = retrier;
    this.checkpoints = checkpoints;
    this.audit = audit;
    this.details = details;
    this.actors = actors;
    this.clock = clock;
  }

  /** Runs one pull cycle for every shop, up to now. A failing shop does not stop the others. */
  public List<PollResult> pollAll() {
    List<PollResult> results = new ArrayList<>();
    for (Shop shop : shops.list()) {
      try {
        results.add(poller.poll(shop));
      } catch (RuntimeException e) {
        log.error("shop {}: pull cycle failed", shop.code(), e);
        results.add(new PollResult(shop.code(), 0, 0, 0, 0, 0, e.toString()));
      }
    }
    return results;
  }

  /**
   * Moves a shop's pull checkpoint back to {@code from}, so the next cycle reads every trade
   * modified since then again (replays change nothing; missed trades are picked up).
   *
   * @throws IllegalArgumentException when {@code from} is in the future or more than 3 months back
   */
  public void rewind(ShopId shop, java.time.Instant from) {
    java.time.Instant now = clock.instant();
    if (from.isAfter(now)) {
      throw new IllegalArgumentException("--rerun-from " + from + " is in the future");
    }
    if (from.isBefore(now.atZone(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(3).toInstant())) {
      throw new IllegalArgumentException("--rerun-from " + from + " is more than 3 months back: Tmall keeps 3 months of incremental history");
    }
    checkpoints.reset(OrderPoller.SOURCE, OrderPoller.STREAM, shop, from);
  }

  /**
   * One step of a backfill of {@code shop} after {@link #rewind}: a pull cycle that reads at most
   * {@code maxWindows} windows from the checkpoint (each committed and the checkpoint advanced
   * before the next). Replays change nothing; missed trades are picked up.
   *
   * @throws IllegalArgumentException when the shop is unknown or maxWindows is below 1
   */
  public PollResult pollWindows(ShopId shop, int maxWindows) {
    if (maxWindows < 1) {
      throw new IllegalArgumentException("maxWindows must be at least 1, got " + maxWindows);
    }
    Shop found = shops.find(shop).orElseThrow(() -> new IllegalArgumentException("no shop " + shop.value()));
    return poller.poll(found, maxWindows);
  }

  /** How far the shop's trades have been read (the pull checkpoint), empty before its first pull. */
  public Optional<java.time.Instant> pulledUpTo(ShopId shop) {
    return checkpoints.get(OrderPoller.SOURCE, OrderPoller.STREAM, shop);
  }

  public List<TradeView> trades(@Nullable TradeState state, @Nullable ShopId shop, int limit) {
    return trades.trades(state, shop, limit);
  }

  public Optional<TradeView> trade(ShopId shop, String tid) {
    return Optional.ofNullable(trades.trade(shop, tid));
  }

  /**
   * The Tmall sub-order ids ({@code oid}) of a trade's ERP lines, in line order, each once: combo
   * component suffixes ({@code oid#2}) stripped, gift lines ({@code gift-<ruleId>}) left out.
   * Empty when the bridge has no lines for the trade (never seen, or held before its lines were stored).
   */
  public List<String> subOrderIds(ShopId shop, String tid) {
    return trades.lineOids(shop, tid).stream()
        .filter(oid -> !oid.startsWith("gift-"))
        .map(oid -> oid.indexOf('#') < 0 ? oid : oid.substring(0, oid.indexOf('#')))
        .distinct()
        .toList();
  }

  /** The stored lines of a trade (empty when the trade is unknown or was never normalised), in line order. */
  public List<TradeLineView> lines(ShopId shop, String tid) {
    return trades.lines(shop, tid);
  }

  /** When the last trade reached the ERP, if any did. */
  public Optional<java.time.Instant> lastExportedAt() {
    return trades.lastExportedAt();
  }

  /**
   * When the {@code n}-th trade (1-based, in export order, all shops) reached the ERP, if that many
   * did: lets a benchmark take the rate of a slice of its run.
   */
  public Optional<java.time.Instant> nthExportedAt(long n) {
    return trades.nthExportedAt(n);
  }

  /**
   * Trades this process exported to the ERP since it started, counted when their transaction
   * committed; a trade counts each time it moves to EXPORTED (a repeated delivery of the same
   * export does not count again). Reads no table: for progress loops.
   */
  public long exportedSinceStart() {
    return trades.exportedSinceStart();
  }

  public Map<TradeState, Long> stateCounts() {
    return trades.countByState();
  }

  /** Exceptions with a status (OPEN, RETRYING, RESOLVED), or every unresolved one when null. */
  public List<ExceptionView> exceptions(@Nullable String status, int limit) {
    return exceptions.list(status, limit);
  }

  public long unresolvedExceptions() {
    return exceptions.countUnresolved();
  }

  /**
   * Trades for the console, newest-modified first: {@code tid} matches the start of the trade id,
   * {@code shops} (null: every shop, otherwise not empty) limits to a user's shops.
   */
  public List<TradeView> search(@Nullable String tid, @Nullable TradeState state, java.util.@Nullable Collection<ShopId> shops,
      int offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be at least 0 and limit at least 1, got " + offset + " and " + limit);
    }
    return trades.search(tid == null || tid.isBlank() ? null : tid.strip(), state, shops, offset, limit);
  }

  /** Trades received, exported and held since {@code from}, in {@code shops} (null: all). */
  public OrderFigures figuresSince(java.time.Instant from, java.util.@Nullable Collection<ShopId> shops) {
    long[] counts = trades.receivedAndExportedSince(from, shops);
    return new OrderFigures(counts[0], counts[1], exceptions.raisedSince(from, shops));
  }

  /**
   * Trades received and exported per hour in the {@code hours} hours from {@code from}, in
   * {@code shops} (null: all); rows outside those hours are not counted.
   */
  public OrderHours perHour(java.time.Instant from, int hours, java.util.@Nullable Collection<ShopId> shops) {
    if (hours < 1 || hours > 24 * 7) {
      throw new IllegalArgumentException("hours must be between 1 and 168, got " + hours);
    }
    return new OrderHours(from, trades.perHour("first_seen_at", from, hours, shops), trades.perHour("exported_at", from, hours, shops));
  }

  /** Unresolved exceptions of {@code shops} (null: all), oldest first. */
  public List<ExceptionView> unresolvedExceptions(java.util.@Nullable Collection<ShopId> shops, int limit) {
    return exceptions.unresolved(shops, null, 0, limit);
  }

  /**
   * One page of the unresolved exceptions of {@code shops} (null: all), oldest first, of one reason
   * code when {@code reason} is not null.
   */
  public List<ExceptionView> unresolvedExceptions(java.util.@Nullable Collection<ShopId> shops, @Nullable String reason, int offset,
      int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be at least 0 and limit at least 1, got " + offset + " and " + limit);
    }
    return exceptions.unresolved(shops, reason, offset, limit);
  }

  /**
   * The receiver of a trade with name, phone numbers and street address masked (张** · ****5678 ·
   * 湖南省长沙市…); empty when the bridge holds no snapshot of the trade. Masked data is not logged as
   * an access: only revealing a field in clear is.
   */
  public Optional<com.tmallbridge.core.Receiver> maskedReceiver(ShopId shop, String tid) {
    return receivers.masked(shop, tid);
  }

  /** Unresolved exceptions of {@code shops} (null: all) counted by reason code. */
  public Map<String, Long> unresolvedByReason(java.util.@Nullable Collection<ShopId> shops) {
    return exceptions.unresolvedByReason(shops);
  }

  /** Unresolved exceptions of {@code shops} (null: all) with the reason code {@code reason} (null or blank: any), oldest first. */
  public List<ExceptionView> unresolvedExceptions(java.util.@Nullable Collection<ShopId> shops, @Nullable String reason, int limit) {
    return exceptions.unresolved(shops, reason == null || reason.isBlank() ? null : reason.strip(), limit);
  }

  /**
   * Everything known about one trade: both sides, lines, exceptions and amendment state (see
   * {@link TradeDetail}); empty when the bridge has never seen the trade. Receiver data is masked.
   */
  public Optional<TradeDetail> detail(ShopId shop, String tid) {
    return details.of(shop, tid);
  }

  /**
   * Closes an unresolved exception without retrying it: the trade is not sent to the ERP by this,
   * and a newer Tmall snapshot that fails again raises a new exception. The current actor and
   * {@code note} are stored on the exception and recorded in the audit log ({@code EXCEPTION_ACTION}).
   *
   * @return the outcome in words
   * @throws IllegalArgumentException when the note is blank or longer than 500 characters, or the
   *     exception is unknown or already closed
   */
  @org.springframework.transaction.annotation.Transactional
  public String ignore(long exceptionId, String note) {
    String text = note == null ? "" : note.strip();
    if (text.isEmpty() || text.length() > 500) {
      throw new IllegalArgumentException("a note of 1 to 500 characters must say why the exception is ignored");
    }
    ExceptionView ex = exceptions.find(exceptionId).orElseThrow(() -> new IllegalArgumentException("no exception with id " + exceptionId));
    String by = actors.current().name();
    if (!exceptions.ignore(exceptionId, by, text, clock.instant())) {
      throw new IllegalArgumentException("exception " + exceptionId + " is " + ex.status() + ", not open: nothing to ignore");
    }
    audit.record(new AuditEvent(AuditAction.EXCEPTION_ACTION, "exception:" + exceptionId, "OK", ex.status() + " " + ex.reasonCode(),
        "IGNORED: " + text));
    return "trade " + ex.tid() + ": " + ex.reasonCode() + " ignored";
  }

  /** One exception, resolved or not. */
  public Optional<ExceptionView> exception(long exceptionId) {
    return exceptions.find(exceptionId);
  }

  /** Retries one exception; see {@link ExceptionRetrier}. Recorded in the audit log with its outcome. */
  public String retry(long exceptionId) {
    String outcome = retrier.retry(exceptionId);
    audit.record(new AuditEvent(AuditAction.EXCEPTION_ACTION, "exception:" + exceptionId, "OK", null, "retry: " + outcome));
    return outcome;
  }

  /**
   * Reads the named trades of a shop again from Tmall (one call each) and imports them as a pull
   * would: the completeness check's targeted re-fetch of trades missing from the ERP. Replays
   * change nothing.
   *
   * @throws IllegalArgumentException when the shop is unknown
   * @throws com.tmallbridge.channel.ChannelException when Tmall fails after the client's retries
   */
  public List<Refetched> refetch(ShopId shop, java.util.Collection<String> tids) {
    Shop found = shops.find(shop).orElseThrow(() -> new IllegalArgumentException("no shop " + shop.value()));
    return refetch.refetch(found, tids);
  }

  /** Retries every open exception but the {@link AmendReason} ones (closed one by one); returns one line per exception. */
  public List<String> retryAllOpen() {
    List<String> outcomes = new ArrayList<>();
    for (ExceptionView ex : exceptions.list(ExceptionRepository.OPEN, Integer.MAX_VALUE)) {
      if (AmendReason.isAmendment(ex.reasonCode())) {
        continue; // closing one says the operator acted on it: one by one, never in bulk
      }
      outcomes.add(ex.id() + ": " + retry(ex.id()));
    }
    return outcomes;
  }
}
