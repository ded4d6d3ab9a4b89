package com.tmallbridge.channel.tmall;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the requests of TOP's logistics APIs (taobao.logistics.offline.send, companies.get). */
final class LogisticsRequests {
  static final String OFFLINE_SEND = "taobao.logistics.offline.send";
  static final String COMPANIES_GET = "taobao.logistics.companies.get";
  static final String COMPANY_FIELDS = "id,code,name,reg_mail_no";

  private LogisticsRequests() {}

  /**
   * Ships a trade by a self-arranged carrier; with {@code subOids} only those sub-orders
   * ({@code is_split=1}, {@code sub_tid} as a comma list). The response holds {@code shipping.is_success}.
   */
  static TopRequest offlineSend(String tid, String companyCode, String trackingNo, @Nullable List<String> subOids) {
    TopRequest request =
        TopRequest.of(OFFLINE_SEND).with("tid", tid).with("out_sid", trackingNo).with("company_code", companyCode);
    if (subOids != null) {
      request = request.with("is_split", 1).with("sub_tid", String.join(",", subOids));
    }
    return request;
  }

  /** Every carrier that supports self-arranged (offline) shipping, with its tracking-number regex. */
  static TopRequest companiesGet() {
    return TopRequest.of(COMPANIES_GET).with("fields", COMPANY_FIELDS);
  }
}
