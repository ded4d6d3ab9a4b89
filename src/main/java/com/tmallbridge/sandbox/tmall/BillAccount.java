package com.tmallbridge.sandbox.tmall;

import java.util.List;

/**
 * One of a shop's fee accounts (费用科目) as {@code taobao.bill.accounts.get} lists them. Every shop
 * has the same six, one per account type, with ids derived from the shop's index so shops differ.
 *
 * @param accountId {@code account_id}
 * @param type {@code account_type}: 1 virtual account, 2 trade, 3 trade commission, 4 service fee
 *     (技术服务费), 5 Tmall points, 6 other
 * @param code {@code account_code}
 * @param name {@code account_name}
 * @param relatedOrder {@code related_order}: whether its lines belong to a trade
 */
record BillAccount(long accountId, int type, String code, String name, boolean relatedOrder) {
  static final int VIRTUAL = 1;
  static final int TRADE = 2;
  static final int COMMISSION = 3;
  static final int SERVICE_FEE = 4;
  static final int POINTS = 5;
  static final int OTHER = 6;

  /** The six accounts of the shop with index {@code shopIndex}, by type. */
  static List<BillAccount> of(int shopIndex) {
    return List.of(
        account(shopIndex, VIRTUAL, "VIRTUAL_ACCOUNT", "虚拟账户", false),
        account(shopIndex, TRADE, "TRADE", "交易", true),
        account(shopIndex, COMMISSION, "TRADE_COMMISSION", "天猫佣金", true),
        account(shopIndex, SERVICE_FEE, "TECH_SERVICE_FEE", "技术服务费", true),
        account(shopIndex, POINTS, "TMALL_POINTS", "天猫积分", true),
        account(shopIndex, OTHER, "OTHER", "其他", false));
  }

  /** The id of the shop's account of {@code type}. */
  static long id(int shopIndex, int type) {
    return 6_000_000L + shopIndex * 100L + type;
  }

  private static BillAccount account(int shopIndex, int type, String code, String name, boolean related) {
    return new BillAccount(id(shopIndex, type), type, code, name, related);
  }
}
