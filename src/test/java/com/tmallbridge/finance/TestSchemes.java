package com.tmallbridge.finance;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** The default posting scheme of {@code V29__finance_vouchers.sql}, in code, for tests that need no database. */
final class TestSchemes {
  private TestSchemes() {}

  static PostingScheme seeded() {
    BigDecimal vat = new BigDecimal("0.13");
    Map<PostingKind, PostingRule> rules = new EnumMap<>(PostingKind.class);
    rules.put(PostingKind.SALE, new PostingRule(PostingKind.SALE, "1122", "6001", "2221", vat, "天猫订单 {tid} 销售收入"));
    rules.put(PostingKind.POST_FEE, new PostingRule(PostingKind.POST_FEE, "1122", "6051", "2221", vat, "天猫订单 {tid} 运费收入"));
    rules.put(PostingKind.RECEIPT, new PostingRule(PostingKind.RECEIPT, "1012", "1122", null, null, "天猫订单 {tid} 支付宝收款"));
    rules.put(PostingKind.COMMISSION, new PostingRule(PostingKind.COMMISSION, "660101", "1012", null, null, "天猫订单 {tid} 平台佣金"));
    rules.put(PostingKind.POINTS, new PostingRule(PostingKind.POINTS, "660102", "1012", null, null, "天猫订单 {tid} 天猫积分"));
    rules.put(PostingKind.SERVICE_FEE, new PostingRule(PostingKind.SERVICE_FEE, "660103", "1012", null, null, "天猫订单 {tid} 技术服务费"));
    rules.put(PostingKind.REFUND, new PostingRule(PostingKind.REFUND, "6001", "1012", "2221", vat, "天猫订单 {tid} 退款"));
    return new PostingScheme(rules);
  }
}
