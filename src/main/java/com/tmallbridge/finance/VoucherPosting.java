package com.tmallbridge.finance;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import com.tmallbridge.core.BridgeException;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.core.Voucher;
import com.tmallbridge.core.VoucherEntry;
import com.tmallbridge.erp.ErpConnector;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.VoucherSink;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans a shop's vouchers ({@link VoucherPlanner}, at the shop's {@link VoucherGranularity}) for
 * one Tmall day, or for every event up to now not yet in a posted voucher, and posts them through the active ERP connector's {@link VoucherSink}. Every
 * voucher gets a {@code finance_voucher} record: {@code POSTED} with the ERP's number, or {@code
 * FAILED} with the error, which the next run retries (the sink is idempotent by voucher key, so a
 * retry after a lost answer posts nothing twice). A posted key is never sent again. A voucher's
 * first record is written together with its events' coverage ({@code finance_voucher_event}), so
 * every event is in exactly one voucher: a FAILED or PENDING voucher is sent again under the same
 * key with the same events, and events that come later go into a new one.
 *
 * <p>With a {@link ErpConnector.Locality#LOCAL} connector (the built-in ERP) the ERP write and the
 * {@code POSTED} record commit in one transaction. With a {@link ErpConnector.Locality#REMOTE} one
 * the record is first committed as {@code PENDING}, the ERP is called with no database
 * transaction or row lock held, and the outcome is recorded afterwards; calling {@link #post}
 * inside a transaction is refused for a remote connector.
 */
@Service
public class VoucherPosting {
  private final ShopManagement shops;
  private final PostingSchemes schemes;
  private final MoneyEvents events;
  private final VoucherRecords records;
  private final ErpRegistry erp;
  private final TransactionTemplate transaction;
  private final VoucherProperties settings;
  private final AuditLog audit;
  private final Clock clock;

  VoucherPosting(ShopManagement shops, PostingSchemes schemes, MoneyEvents events, VoucherRecords records, ErpRegistry erp,
      PlatformTransactionManager transactions, Clock clock, VoucherProperties settings, AuditLog audit) {
    this.settings = settings;
    this.audit = audit;
    this.shops = shops;
    this.schemes = schemes;
    this.events = events;
    this.records = records;
    this.erp = erp;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * The vouchers of {@code shop} as the scheme in force plans them now, without posting: for
   * {@code date}, or (null) every event up to now whose voucher is not posted yet.
   *
   * @throws IllegalArgumentException for an unknown shop
   */
  public List<Voucher> plan(ShopId shop, @Nullable LocalDate date) {
    Shop s = shop(shop);
    return planFor(s, date).stream().map(VoucherPlanner.Planned::voucher).toList();
  }

  /**
   * Plans and posts the vouchers of {@code shop} for {@code date}, or (null) every event up to now
   * whose voucher is not posted yet.
   *
   * @throws IllegalArgumentException for an unknown shop
   * @throws IllegalStateException when the active ERP has no {@link VoucherSink}, or a remote
   *     connector would be called inside a transaction
   */
  public PostingReport post(ShopId shop, @Nullable LocalDate date) {
    return post(shop, date, null);
  }

  /**
   * As {@link #post(ShopId, LocalDate)}, but sends only the planned vouchers whose key is in {@code
   * only} (null: all); the others count neither as posted nor as already posted. For posting a day
   * in slices ({@link #unposted} gives the keys).
   *
   * @throws IllegalArgumentException for an unknown shop
   * @throws IllegalStateException as {@link #post(ShopId, LocalDate)}
   */
  public PostingReport post(ShopId shop, @Nullable LocalDate date, @Nullable Collection<String> only) {
    Shop s = shop(shop);
    ErpConnector connector = erp.active();
    if (!(connector instanceof VoucherSink sink)) {
      throw new IllegalStateException("the active ERP '" + connector.id() + "' does not take vouchers (it has no VoucherSink)");
    }
    boolean local = connector.locality() == ErpConnector.Locality.LOCAL;
    if (!local && TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("vouchers for a remote ERP are posted outside any database transaction");
    }
    List<VoucherPlanner.Planned> planned = planFor(s, date);
    if (only != null) {
      Set<String> wanted = new HashSet<>(only);
      planned = planned.stream().filter(p -> wanted.contains(p.voucher().key())).toList();
    }
    Set<String> done = records.posted(planned.stream().map(p -> p.voucher().key()).toList());
    int posted = 0;
    List<Failure> failures = new ArrayList<>();
    for (VoucherPlanner.Planned voucher : planned) {
      if (done.contains(voucher.voucher().key())) {
        continue;
      }
      String error = local ? postLocally(s.id(), sink, connector.id(), voucher) : postRemotely(s.id(), sink, connector.id(), voucher);
      if (error == null) {
        posted++;
      } else {
        failures.add(new Failure(voucher.voucher().key(), error));
      }
    }
    return new PostingReport(s.code(), connector.id(), planned.size(), posted, done.size(), failures);
  }

  /**
   * A posting run as an operator starts it (the {@code vouchers post} command): {@link #post} of one
   * shop, or {@link #postAll} when {@code shop} is null, recorded in the audit log as one {@link
   * AuditAction#JOB} entry on {@code vouchers-post:<shop code|all>/<date|pending>}, outcome {@code OK}
   * or {@code FAILED} (a voucher failed) with the counts per shop. The console's "Post this day"
   * is audited as its job instead.
   */
  public List<PostingReport> postAudited(@Nullable ShopId shop, @Nullable LocalDate date) {
    List<PostingReport> reports = shop == null ? postAll(date) : List.of(post(shop, date));
    String target = "vouchers-post:" + (shop == null ? "all" : shop(shop).code()) + "/" + (date == null ? "pending" : date);
    boolean failed = reports.stream().anyMatch(r -> !r.failures().isEmpty());
    String summary = reports.stream().map(r -> r.shop() + " -> " + r.connector() + ": " + r.planned() + " planned, " + r.posted()
        + " posted, " + r.alreadyPosted() + " already posted, " + r.failures().size() + " failed").collect(Collectors.joining("; "));
    transaction.executeWithoutResult(status -> audit.record(new AuditEvent(AuditAction.JOB, target, failed ? "FAILED" : "OK", null,
        summary.length() <= 2000 ? summary : summary.substring(0, 2000))));
    return reports;
  }

  /** Posts every shop's vouchers, shop by shop, as {@link #post} does. */
  public List<PostingReport> postAll(@Nullable LocalDate date) {
    List<PostingReport> reports = new ArrayList<>();
    for (Shop s : shops.list()) {
      reports.add(post(s.id(), date));
    }
    return reports;
  }

  /** The posting records, newest day first; shop and day optional. */
  public List<PostedVoucher> list(@Nullable ShopId shop, @Nullable LocalDate date, int limit) {
    return records.list(shop, date, limit);
  }

  /**
   * One page of the posting records of {@code shops} (none: an empty list), for {@code date} or
   * (null) every day: newest day first, then by key; skips {@code offset} records, returns at most
   * {@code limit}.
   */
  public List<PostedVoucher> page(Collection<ShopId> shops, @Nullable LocalDate date, int offset, int limit) {
    return shops.isEmpty() ? List.of() : records.page(shops, date, offset, limit);
  }

  /** How many records {@link #page} has in all for these shops and day. */
  public long count(Collection<ShopId> shops, @Nullable LocalDate date) {
    return shops.isEmpty() ? 0 : records.count(shops, date);
  }

  /**
   * The keys of the vouchers the scheme in force plans for {@code shop} on {@code date} that are
   * not {@code POSTED} yet (new ones and {@code FAILED} ones), in plan order: what a post of the
   * day would send.
   *
   * @throws IllegalArgumentException for an unknown shop
   */
  public List<String> unposted(ShopId shop, LocalDate date) {
    List<String> keys = planFor(shop(shop), date).stream().map(p -> p.voucher().key()).toList();
    Set<String> done = records.posted(keys);
    return keys.stream().filter(k -> !done.contains(k)).toList();
  }

  /**
   * The record under {@code key} with the voucher's entries as the scheme in force plans them now
   * from the events it holds (the entries are not stored by the bridge; after a change of the
   * scheme they may differ from what the ERP holds). Empty when there is no record under the key;
   * the entries are empty when its day no longer has its events (e.g. the trade left the day).
   */
  public Optional<VoucherDetail> detail(String key) {
    Optional<PostedVoucher> found = records.find(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PostedVoucher record = found.get();
    List<VoucherEntry> entries = shops.find(record.shopId())
        .flatMap(s -> planFor(s, record.date()).stream().filter(p -> p.voucher().key().equals(key)).findFirst())
        .map(p -> p.voucher().entries()).orElse(List.of());
    return Optional.of(new VoucherDetail(record, entries));
  }

  private @Nullable String postLocally(ShopId shop, VoucherSink sink, String connector, VoucherPlanner.Planned planned) {
    Voucher voucher = planned.voucher();
    try {
      transaction.executeWithoutResult(status -> {
        record(shop, connector, planned, PostedVoucher.PENDING);
        ErpDocNo no = sink.postVoucher(voucher);
        records.posted(voucher.key(), no.value(), clock.instant());
      });
      return null;
    } catch (VoucherRecords.Taken e) {
      return e.getMessage();
    } catch (RuntimeException e) {
      String error = describe(e);
      try {
        transaction.executeWithoutResult(status -> {
          record(shop, connector, planned, PostedVoucher.FAILED);
          records.failed(voucher.key(), error, clock.instant());
        });
      } catch (VoucherRecords.Taken taken) {
        return taken.getMessage();
      }
      return error;
    }
  }

  private @Nullable String postRemotely(ShopId shop, VoucherSink sink, String connector, VoucherPlanner.Planned planned) {
    Voucher voucher = planned.voucher();
    try {
      transaction.executeWithoutResult(status -> record(shop, connector, planned, PostedVoucher.PENDING));
    } catch (VoucherRecords.Taken e) {
      return e.getMessage();
    }
    ErpDocNo no;
    try {
      no = sink.postVoucher(voucher);
    } catch (RuntimeException e) {
      String error = describe(e);
      transaction.executeWithoutResult(status -> records.failed(voucher.key(), error, clock.instant()));
      return error;
    }
    transaction.executeWithoutResult(status -> records.posted(voucher.key(), no.value(), clock.instant()));
    return null;
  }

  /** A fresh voucher's first record with its events' coverage, or one more attempt of a recorded one (same key, same events). */
  private void record(ShopId shop, String connector, VoucherPlanner.Planned planned, String status) {
    PostingKind kind = kindOf(planned.voucher().key());
    if (planned.fresh()) {
      records.claim(shop, kind, planned, connector, status, clock.instant());
    } else {
      records.attempt(shop, kind, planned.voucher(), connector, status, clock.instant());
    }
  }

  private List<VoucherPlanner.Planned> planFor(Shop shop, @Nullable LocalDate date) {
    Instant from = date == null ? Instant.EPOCH : date.atStartOfDay(VoucherPlanner.TMALL_ZONE).toInstant();
    Instant to = date == null ? clock.instant().plusNanos(1000) : date.plusDays(1).atStartOfDay(VoucherPlanner.TMALL_ZONE).toInstant();
    boolean pendingOnly = date == null;
    List<SaleEvent> sales = events.sales(shop.id(), from, to, pendingOnly, shop.code());
    var lines = events.settled(shop.id(), from, to, pendingOnly, shop.code());
    VoucherPlanner planner = new VoucherPlanner(shop.code(), schemes.scheme(shop.id()), settings.maxEvents());
    List<String> keys = new ArrayList<>();
    Set<LocalDate> days = new HashSet<>();
    for (SaleEvent sale : sales) {
      keys.add(planner.eventKey(sale));
      days.add(sale.date());
    }
    for (var line : lines) {
      planner.eventKey(line).ifPresent(keys::add);
      if (line.payTime() != null) {
        days.add(line.payTime().atZone(VoucherPlanner.TMALL_ZONE).toLocalDate());
      }
    }
    VoucherPlanner.Coverage coverage = records.coverage(shop.id(), keys, days);
    return planner.plan(schemes.granularity(shop.id()).value(), sales, lines, coverage);
  }

  private Shop shop(ShopId id) {
    return shops.find(id).orElseThrow(() -> new IllegalArgumentException("no shop with id " + id.value()));
  }

  static PostingKind kindOf(String key) {
    String prefix = key.substring(0, key.indexOf('|'));
    for (PostingKind k : PostingKind.values()) {
      if (k.keyPrefix().equals(prefix)) {
        return k;
      }
    }
    throw new IllegalArgumentException("voucher key '" + key + "' has no known kind prefix");
  }

  private static String describe(RuntimeException e) {
    String code = e instanceof BridgeException b ? b.errorCode().code() + " " : "";
    String retry = e instanceof BridgeException b ? (b.retryable() ? " (retryable)" : " (permanent)") : "";
    return (code + e.getMessage() + retry).replaceAll("\\s+", " ");
  }

  /**
   * What one {@link #post} did.
   *
   * @param shop the shop's code
   * @param connector the ERP connector posted to
   * @param planned vouchers planned
   * @param posted vouchers posted by this run
   * @param alreadyPosted planned vouchers found posted before, not sent again
   * @param failures the vouchers that failed, with the error (each a FAILED record, retried next time)
   */
  public record PostingReport(String shop, String connector, int planned, int posted, int alreadyPosted, List<Failure> failures) {}

  /**
   * @param key the voucher key
   * @param error what went wrong
   */
  public record Failure(String key, String error) {}

  /**
   * A posting record with its voucher's entries.
   *
   * @param record what was sent and how it went
   * @param entries the entries as the scheme in force plans them now (see {@link #detail}); empty
   *     when the day no longer plans the key
   */
  public record VoucherDetail(PostedVoucher record, List<VoucherEntry> entries) {
    public VoucherDetail {
      entries = List.copyOf(entries);
    }
  }
}
