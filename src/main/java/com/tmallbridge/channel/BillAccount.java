package com.tmallbridge.channel;

/**
 * One of a shop's fee accounts (费用科目) on the marketplace, as Tmall's {@code
 * taobao.bill.accounts.get} lists them.
 *
 * @param accountId the account's id, referenced by every settlement line
 * @param code the account's code
 * @param name the account's name, e.g. 天猫佣金
 * @param type 1 virtual account, 2 trade, 3 trade commission, 4 service fee (技术服务费), 5 Tmall
 *     points, 6 other
 */
public record BillAccount(long accountId, String code, String name, int type) {}
