package com.tmallbridge.sandbox.tmall;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A carrier as {@code taobao.logistics.companies.get} lists it: TOP id, code, name and the regular
 * expression its tracking numbers must match ({@code reg_mail_no}), plus whether it is recommended
 * and which order modes it supports.
 */
record LogisticsCompany(
    long id,
    String code,
    String name,
    String regMailNo,
    boolean recommended,
    boolean offline,
    boolean online) {

  /**
   * The sandbox's carrier table. Codes are those of a real companies.get answer (spec §3.3); the
   * patterns are plausible for each carrier and accept every tracking number the generator makes.
   */
  static final List<LogisticsCompany> ALL =
      List.of(
          new LogisticsCompany(505, "SF", "顺丰速运", "^(SF\\d{12,13}|\\d{12})$", true, true, true),
          new LogisticsCompany(500, "ZTO", "中通快递", "^(7[0-9]|5[0-9]|6[0-9])\\d{10,12}$", true, true, true),
          new LogisticsCompany(101, "YTO", "圆通速递", "^(YT\\d{12,13}|[0-9]{10})$", true, true, true),
          new LogisticsCompany(102, "YUNDA", "韵达快递", "^(4[0-9]|3[0-9]|1[0-9])\\d{11,12}$", true, true, true),
          new LogisticsCompany(100, "STO", "申通快递", "^(77|88|66|55|22)\\d{10,12}$", true, true, true),
          new LogisticsCompany(2, "EMS", "EMS", "^([A-Z]{2}\\d{9}CN|1\\d{12,13})$", true, true, true),
          new LogisticsCompany(1, "POST", "中国邮政平邮", "^([A-Z]{2}\\d{9}[A-Z]{2}|9\\d{12})$", false, true, false),
          new LogisticsCompany(3, "POSTB", "邮政快递包裹", "^9\\d{12}$", true, true, true),
          new LogisticsCompany(103, "ZJS", "宅急送", "^[A-Za-z0-9]{10}$", false, true, false),
          new LogisticsCompany(5000000110730L, "DBL", "德邦快递", "^(DPK\\d{12}|\\d{8,10})$", true, true, true),
          new LogisticsCompany(5000000000040L, "JD", "京东快递", "^JD[0-9A-Z]{11,13}$", true, true, false),
          new LogisticsCompany(502, "HTKY", "百世快递", "^(A|B|D|E|5|6|7)\\d{11,12}$", true, true, true),
          new LogisticsCompany(1204, "TTKDEX", "天天快递", "^\\d{12}$", false, true, false),
          new LogisticsCompany(106, "FEDEX", "联邦快递", "^\\d{12}$", false, true, false),
          new LogisticsCompany(1216, "QFKD", "全峰快递", "^\\d{12}$", false, true, false),
          new LogisticsCompany(1259, "UAPEX", "全一快递", "^\\d{10,12}$", false, true, false),
          new LogisticsCompany(104, "CRE", "中铁快运", "^[A-Za-z0-9]{8,12}$", false, true, false),
          new LogisticsCompany(-1, "OTHER", "其他", "^[A-Za-z0-9-]{4,32}$", false, true, false));

  static Optional<LogisticsCompany> byCode(String code) {
    return ALL.stream().filter(company -> company.code.equals(code)).findFirst();
  }

  /** Whether a tracking number has the form this carrier's numbers have. */
  boolean accepts(String trackingNo) {
    return Pattern.compile(regMailNo).matcher(trackingNo).matches();
  }
}
