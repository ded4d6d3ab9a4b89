package com.tmallbridge.finance;

import java.util.Map;
import java.util.Optional;

/**
 * Names of account codes (科目名称) for screens: the chart of accounts the posting scheme is seeded
 * with, as the built-in ERP's {@code erp_account} of {@code V29__finance_vouchers.sql} names it
 * (企业会计准则). A code outside it (an account a shop's own rule names) has no name here; the
 * ERP's own chart is the authority.
 *
 * @param names account name by code
 */
public record ChartOfAccounts(Map<String, String> names) {
  private static final ChartOfAccounts SEEDED = new ChartOfAccounts(Map.ofEntries(
      Map.entry("1001", "库存现金"),
      Map.entry("1002", "银行存款"),
      Map.entry("1012", "其他货币资金-支付宝"),
      Map.entry("1122", "应收账款"),
      Map.entry("2221", "应交税费-应交增值税(销项税额)"),
      Map.entry("6001", "主营业务收入"),
      Map.entry("6051", "其他业务收入"),
      Map.entry("6601", "销售费用"),
      Map.entry("660101", "销售费用-平台佣金"),
      Map.entry("660102", "销售费用-天猫积分"),
      Map.entry("660103", "销售费用-技术服务费"),
      Map.entry("6603", "财务费用")));

  public ChartOfAccounts {
    names = Map.copyOf(names);
  }

  /** The seeded chart. */
  public static ChartOfAccounts seeded() {
    return SEEDED;
  }

  /** The name of {@code code}, empty when the chart does not have it. */
  public Optional<String> name(String code) {
    return Optional.ofNullable(names.get(code));
  }
}
