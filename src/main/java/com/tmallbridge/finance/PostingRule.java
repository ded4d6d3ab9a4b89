package com.tmallbridge.finance;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How one {@link PostingKind} posts: a normal event debits {@code debitAccount} and credits
 * {@code creditAccount} with its amount; with a VAT account, the side {@link
 * PostingKind#vatOnCredit()} names is split into net (on the rule's account) and VAT (on {@code
 * vatAccount}) at {@code vatRate}. A reversal (an event of the opposite sign) swaps the sides.
 * Refuses to build with an {@link IllegalArgumentException} naming the bad field.
 *
 * @param kind the kind of event
 * @param debitAccount account code debited, 1-32 letters, digits, dots or dashes
 * @param creditAccount account code credited, different from the debit account
 * @param vatAccount output/input VAT account, or null for no VAT split
 * @param vatRate VAT rate in [0, 1) with at most 4 decimals (0.13 = 13%), set exactly when {@code vatAccount} is
 * @param explanation the voucher explanation (摘要) template, 1-200 characters; placeholders
 *     {@code {tid}}, {@code {bid}}, {@code {shop}}, {@code {date}}, {@code {erp}}, {@code {count}}
 * @param summary the explanation template of a summary voucher (汇总凭证, granularity DAY), same
 *     rules; its useful placeholders are {@code {shop}}, {@code {date}} and {@code {count}} (the
 *     events it holds), the others read {@code -}
 */
public record PostingRule(
    PostingKind kind, String debitAccount, String creditAccount, @Nullable String vatAccount, @Nullable BigDecimal vatRate,
    String explanation, String summary) {
  /** The placeholders an explanation template may use. */
  public static final Set<String> PLACEHOLDERS = Set.of("tid", "bid", "shop", "date", "erp", "count");

  private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z.\\-]{1,32}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  public PostingRule {
    account("debit", debitAccount);
    account("credit", creditAccount);
    if (debitAccount.equals(creditAccount)) {
      throw new IllegalArgumentException(kind + ": debit and credit account are both " + debitAccount + "; they must differ");
    }
    if ((vatAccount == null) != (vatRate == null)) {
      throw new IllegalArgumentException(kind + ": a VAT account needs a VAT rate and a rate needs an account");
    }
    if (vatAccount != null) {
      account("VAT", vatAccount);
      if (vatRate.signum() < 0 || vatRate.compareTo(BigDecimal.ONE) >= 0 || vatRate.stripTrailingZeros().scale() > 4) {
        throw new IllegalArgumentException(kind + ": VAT rate must be at least 0 and below 1 with at most 4 decimals"
            + " (0.13 for 13%), got " + vatRate.toPlainString());
      }
      vatRate = vatRate.setScale(4, java.math.RoundingMode.UNNECESSARY);
    }
    template(kind, "explanation", explanation);
    template(kind, "summary explanation", summary);
  }

  /** A rule with the default summary template of its kind ({@link #defaultSummary}). */
  public PostingRule(PostingKind kind, String debitAccount, String creditAccount, @Nullable String vatAccount,
      @Nullable BigDecimal vatRate, String explanation) {
    this(kind, debitAccount, creditAccount, vatAccount, vatRate, explanation, defaultSummary(kind));
  }

  /** The summary template migration V32 seeds for {@code kind}, e.g. {@code 天猫 {date} 支付宝收款汇总（{count} 笔）}. */
  public static String defaultSummary(PostingKind kind) {
    return "天猫 {date} " + switch (kind) {
      case SALE -> "销售收入";
      case POST_FEE -> "运费收入";
      case RECEIPT -> "支付宝收款";
      case COMMISSION -> "平台佣金";
      case POINTS -> "天猫积分";
      case SERVICE_FEE -> "技术服务费";
      case REFUND -> "退款";
    } + "汇总（{count} 笔）";
  }

  private static void template(PostingKind kind, String what, String template) {
    if (template == null || template.isBlank() || template.length() > 200) {
      throw new IllegalArgumentException(kind + ": the " + what + " template must have 1-200 characters");
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw new IllegalArgumentException(kind + ": unknown placeholder {" + m.group(1) + "} in the " + what + "; use "
            + "{tid}, {bid}, {shop}, {date}, {erp} or {count}");
      }
    }
  }

  private static void account(String side, String code) {
    if (code == null || !ACCOUNT.matcher(code).matches()) {
      throw new IllegalArgumentException(side + " account '" + code + "' is not an account code (1-32 letters, digits, dots or dashes)");
    }
  }

  /** The explanation with its placeholders filled in; a missing value reads {@code -}; at most 200 characters. */
  String explain(@Nullable String tid, @Nullable String bid, String shop, String date, @Nullable String erp) {
    return fill(explanation, tid, bid, shop, date, erp, 1);
  }

  /** The summary template filled in for a voucher of {@code count} events of {@code date}; at most 200 characters. */
  String summarise(String shop, String date, int count) {
    return fill(summary, null, null, shop, date, null, count);
  }

  private static String fill(String template, @Nullable String tid, @Nullable String bid, String shop, String date,
      @Nullable String erp, int count) {
    String text = template.replace("{tid}", orDash(tid)).replace("{bid}", orDash(bid)).replace("{shop}", shop)
        .replace("{date}", date).replace("{erp}", orDash(erp)).replace("{count}", Integer.toString(count));
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  private static String orDash(@Nullable String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  /**
   * One line for audit records and the CLI, e.g. {@code SALE Dr 1122 Cr 6001 VAT 2221@0.1300 "天猫订单 {tid} 销售收入"};
   * a summary template other than the kind's default follows as {@code summary "…"}.
   */
  public String describe() {
    return kind + " Dr " + debitAccount + " Cr " + creditAccount
        + (vatAccount == null ? "" : " VAT " + vatAccount + "@" + vatRate.toPlainString()) + " \"" + explanation + "\""
        + (summary.equals(defaultSummary(kind)) ? "" : " summary \"" + summary + "\"");
  }
}
