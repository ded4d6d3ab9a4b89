package com.tmallbridge.finance;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEvent;
import com.tmallbridge.audit.AuditLog;
import com.tmallbridge.core.ShopId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posting scheme (记账规则): the default rules every shop falls back to and each shop's own
 * (table {@code finance_posting_rule}). Every change is recorded in the audit log as {@code
 * RULE_CHANGE} on target {@code posting-rule:<shop id or default>/<kind>} with the rule before
 * and after.
 */
@Service
public class PostingSchemes {
  private final PostingRuleRepository rules;
  private final AuditLog audit;
  private final Clock clock;

  PostingSchemes(PostingRuleRepository rules, AuditLog audit, Clock clock) {
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  /** The rules in force for {@code shop} (its own, else the default); for null, the default rules. */
  @Transactional(readOnly = true)
  public PostingScheme scheme(@Nullable ShopId shop) {
    return new PostingScheme(effective(shop));
  }

  /**
   * The rules in force for {@code shop} (null: the default), each with whether it is the shop's
   * own, in kind order.
   */
  @Transactional(readOnly = true)
  public List<SchemeLine> show(@Nullable ShopId shop) {
    Map<PostingKind, SchemeLine> lines = new EnumMap<>(PostingKind.class);
    for (PostingRuleRepository.Stored s : rules.rulesFor(shop)) {
      if (s.shopId() != null || !lines.containsKey(s.rule().kind())) {
        lines.put(s.rule().kind(), new SchemeLine(s.rule(), s.shopId() != null));
      }
    }
    return new ArrayList<>(lines.values());
  }

  /**
   * Changes the rule of {@code kind} for {@code shop} (null: the default). Fields left null keep
   * their value in force; {@code noVat} removes the VAT split. A shop's first change copies the
   * default rule and changes the copy. Audited as {@code RULE_CHANGE} when something changed.
   *
   * @return the rule now in force
   * @throws IllegalArgumentException when the resulting rule is invalid (see {@link PostingRule})
   */
  @Transactional
  public PostingRule set(@Nullable ShopId shop, PostingKind kind, Change change) {
    PostingRule before = effective(shop).get(kind);
    boolean own = shop == null || rules.find(shop, kind).isPresent();
    String vatAccount = change.noVat() ? null : change.vatAccount() != null ? change.vatAccount() : before.vatAccount();
    BigDecimal vatRate = change.noVat() ? null : change.vatRate() != null ? change.vatRate() : before.vatRate();
    if (!change.noVat() && vatAccount != null && vatRate == null) {
      vatRate = new BigDecimal("0.13");
    }
    PostingRule after = new PostingRule(kind, orElse(change.debitAccount(), before.debitAccount()),
        orElse(change.creditAccount(), before.creditAccount()), vatAccount, vatRate, orElse(change.explanation(), before.explanation()),
        orElse(change.summary(), before.summary()));
    if (after.equals(before) && own) {
      return before;
    }
    rules.put(shop, after, clock.instant());
    audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, target(shop, kind), own ? before.describe() : null, after.describe()));
    return after;
  }

  /**
   * Drops a shop's own rule of {@code kind}, so the default applies again; audited. False (nothing
   * audited) when the shop had none.
   */
  @Transactional
  public boolean reset(ShopId shop, PostingKind kind) {
    var own = rules.find(shop, kind);
    if (own.isEmpty() || !rules.remove(shop, kind)) {
      return false;
    }
    audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, target(shop, kind), own.get().describe(), null));
    return true;
  }

  /**
   * The voucher granularity in force for {@code shop}: its own setting, else the default row's
   * (null: the default's). DAY when nothing is stored.
   */
  @Transactional(readOnly = true)
  public Granularity granularity(@Nullable ShopId shop) {
    if (shop != null) {
      var own = rules.granularity(shop);
      if (own.isPresent()) {
        return new Granularity(own.get(), true);
      }
    }
    return new Granularity(rules.granularity(null).orElse(VoucherGranularity.DAY), false);
  }

  /**
   * Sets the voucher granularity of {@code shop} (null: the default). Audited as {@code
   * RULE_CHANGE} on {@code posting-granularity:<shop id or default>} when it changed. Events already
   * in a voucher stay there; the new granularity applies to events not in one yet.
   *
   * @return the granularity now in force
   */
  @Transactional
  public VoucherGranularity setGranularity(@Nullable ShopId shop, VoucherGranularity granularity) {
    Granularity before = granularity(shop);
    boolean own = shop == null || before.shopOwn();
    if (before.value() == granularity && own) {
      return granularity;
    }
    rules.putGranularity(shop, granularity, clock.instant());
    audit.record(AuditEvent.change(AuditAction.RULE_CHANGE, "posting-granularity:" + (shop == null ? "default" : Long.toString(shop.value())),
        own ? "granularity " + before.value() : null, "granularity " + granularity));
    return granularity;
  }

  private Map<PostingKind, PostingRule> effective(@Nullable ShopId shop) {
    Map<PostingKind, PostingRule> map = new EnumMap<>(PostingKind.class);
    for (SchemeLine line : show(shop)) {
      map.put(line.rule().kind(), line.rule());
    }
    return map;
  }

  private static String target(@Nullable ShopId shop, PostingKind kind) {
    return "posting-rule:" + (shop == null ? "default" : Long.toString(shop.value())) + "/" + kind;
  }

  private static String orElse(@Nullable String value, String current) {
    return value == null ? current : value;
  }

  /**
   * A rule as {@code vouchers scheme show} lists it.
   *
   * @param rule the rule in force
   * @param shopOwn whether it is the shop's own rule rather than the default
   */
  public record SchemeLine(PostingRule rule, boolean shopOwn) {}

  /**
   * The voucher granularity in force.
   *
   * @param value DAY or LINE
   * @param shopOwn whether it is the shop's own setting rather than the default
   */
  public record Granularity(VoucherGranularity value, boolean shopOwn) {}

  /**
   * What {@link #set} changes; null fields keep their value.
   *
   * @param debitAccount new debit account
   * @param creditAccount new credit account
   * @param vatAccount new VAT account (with the rule's rate, or 13% when it had none)
   * @param vatRate new VAT rate, e.g. 0.13
   * @param noVat remove the VAT split
   * @param explanation new explanation template
   * @param summary new summary explanation template (summary vouchers)
   */
  public record Change(@Nullable String debitAccount, @Nullable String creditAccount, @Nullable String vatAccount,
      @Nullable BigDecimal vatRate, boolean noVat, @Nullable String explanation, @Nullable String summary) {
    /** A change leaving the summary template as it is. */
    public Change(@Nullable String debitAccount, @Nullable String creditAccount, @Nullable String vatAccount,
        @Nullable BigDecimal vatRate, boolean noVat, @Nullable String explanation) {
      this(debitAccount, creditAccount, vatAccount, vatRate, noVat, explanation, null);
    }
  }
}
