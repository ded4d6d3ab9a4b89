package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.BillAccount;
import com.tmallbridge.core.Money;
import com.tmallbridge.core.SettlementEntry;
import com.tmallbridge.core.SettlementKind;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps TOP {@code Account} and {@code Bill} objects to {@link BillAccount} and {@link
 * SettlementEntry}.
 *
 * <p>Amounts: TOP declares {@code Bill.amount} a Number (the SDK's {@code Long}) in fen; a JSON
 * integer or integer text is read as fen, a decimal text ({@code "12.50"}) as yuan, in case a
 * gateway answers in TOP's usual money form.
 *
 * <p>Kind, from the type of the line's account ({@code taobao.bill.accounts.get}):
 *
 * <ul>
 *   <li>2 trade: a negative amount is a {@link SettlementKind#REFUND}; a line without {@code
 *       order_id} is the trade's {@link SettlementKind#POST_FEE} (Tmall settles the freight once per
 *       trade, not per sub-order); any other is {@link SettlementKind#INCOME}. The amount keeps
 *       TOP's sign.
 *   <li>3 {@link SettlementKind#COMMISSION}, 4 {@link SettlementKind#SERVICE_FEE}, 5 {@link
 *       SettlementKind#POINTS}: TOP shows the fee positive on its fee account; the bridge negates
 *       it (a deduction from the merchant's balance; a fee given back becomes positive).
 *   <li>1, 6, or an account the list does not have: {@link SettlementKind#OTHER}, TOP's sign.
 * </ul>
 *
 * A line is paid when {@code status} is 1; {@code pay_time} is kept only for a paid line.
 */
final class BillMapper {
  private BillMapper() {}

  static BillAccount account(JsonNode node) {
    return new BillAccount(
        TopValues.requiredInteger(node, "account_id"),
        textOr(node, "account_code", ""),
        textOr(node, "account_name", ""),
        (int) TopValues.integer(node, "account_type", 6));
  }

  /**
   * @throws IllegalArgumentException when a required field (bid, account_id, amount, biz_time) is
   *     missing or a value is malformed
   */
  static SettlementEntry entry(ShopId shop, JsonNode bill, Map<Long, BillAccount> accounts) {
    String bid = TopValues.requiredText(bill, "bid");
    long accountId = TopValues.requiredInteger(bill, "account_id");
    long amount = amountFen(bill);
    @Nullable String tid = TopValues.nonEmptyText(bill, "trade_id");
    @Nullable String oid = TopValues.nonEmptyText(bill, "order_id");
    BillAccount account = accounts.get(accountId);
    SettlementKind kind = kind(account == null ? 0 : account.type(), amount, oid);
    long signed = switch (kind) {
      case COMMISSION, POINTS, SERVICE_FEE -> -amount;
      default -> amount;
    };
    boolean paid = TopValues.integer(bill, "status", 0) == 1;
    Instant bizTime = TopValues.requiredInstant(bill, "biz_time");
    Instant payTime = paid ? TopValues.instant(bill, "pay_time") : null;
    return new SettlementEntry(shop, bid, accountId, kind, tid, oid, signed, paid, bizTime, payTime);
  }

  /** The kind of a line on an account of {@code accountType} (0: unknown account). */
  static SettlementKind kind(int accountType, long amountFen, @Nullable String oid) {
    return switch (accountType) {
      case 2 -> amountFen < 0 ? SettlementKind.REFUND : oid == null ? SettlementKind.POST_FEE : SettlementKind.INCOME;
      case 3 -> SettlementKind.COMMISSION;
      case 4 -> SettlementKind.SERVICE_FEE;
      case 5 -> SettlementKind.POINTS;
      default -> SettlementKind.OTHER;
    };
  }

  /** {@code amount} in fen: an integer is fen, a decimal text yuan. */
  static long amountFen(JsonNode bill) {
    String text = TopValues.requiredText(bill, "amount").trim();
    JsonNode node = bill.get("amount");
    if (node.isIntegralNumber() || text.matches("-?\\d{1,18}")) {
      return Long.parseLong(text);
    }
    try {
      return Money.parseYuan(text);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("field 'amount': '" + text + "' is neither fen nor yuan", e);
    }
  }

  private static String textOr(JsonNode node, String field, String absent) {
    String value = TopValues.nonEmptyText(node, field);
    return value == null ? absent : value;
  }
}
