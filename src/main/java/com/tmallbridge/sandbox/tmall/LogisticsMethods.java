package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code taobao.logistics.companies.get} and {@code taobao.logistics.offline.send}. Sending checks,
 * in this order, each as code 15 with TOP's {@code isv.logistics-offline-service-error:*} sub code:
 * split flag and list together (CD25), trade exists (B01), company known (B56), tracking number
 * matches the company's {@code reg_mail_no} and is not used by another trade (B60), trade can ship
 * (B04: unpaid, closed or already shipped), a partly shipped trade ships only by sub-order (CD22),
 * each listed sub-order belongs to the trade and is not closed by a refund (P38) and has not shipped
 * (B04). Thread-safe: the checks and the change happen atomically on the trade.
 */
final class LogisticsMethods {
  private static final String SUB = "isv.logistics-offline-service-error:";

  private final TradeStore store;
  private final Clock clock;
  private final Map<String, Long> trackingOwners = new ConcurrentHashMap<>();

  LogisticsMethods(TradeStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** {@code taobao.logistics.companies.get}: {@code fields}*, {@code is_recommended}, {@code order_mode}. */
  ObjectNode companies(ApiCall call) {
    BusinessParams params = call.params();
    FieldSelection fields = params.fields();
    boolean recommended = params.bool("is_recommended", false);
    String mode = params.optional("order_mode");
    if (mode != null && !Set.of("offline", "online", "all").contains(mode)) {
      throw TopError.invalidArgument("order_mode", "order_mode must be offline, online or all");
    }
    String wanted = mode == null ? "offline" : mode;
    List<ObjectNode> companies = new ArrayList<>();
    for (LogisticsCompany company : LogisticsCompany.ALL) {
      boolean listed =
          recommended
              ? company.recommended() && supports(company, wanted)
              : company.offline();
      if (listed) {
        companies.add(write(company, fields));
      }
    }
    ObjectNode body = ResponseShape.object();
    call.shape().list(body, "logistics_companies", "logistics_company", companies);
    return body;
  }

  /** {@code taobao.logistics.offline.send}: {@code tid}*, {@code out_sid}*, {@code company_code}*, {@code sub_tid}, {@code is_split}. */
  ObjectNode offlineSend(ApiCall call) {
    BusinessParams params = call.params();
    long tid = params.requiredLong("tid");
    String outSid = params.required("out_sid").trim();
    String code = params.required("company_code").trim();
    boolean split = splitFlag(params.optional("is_split"));
    List<Long> subTids = subTids(params.optional("sub_tid"));
    if (split == subTids.isEmpty()) {
      throw error("CD25", "拆单标记和子订单列表两者必须都填或者都不填 (is_split and sub_tid go together)");
    }
    if (store.get(tid).isEmpty()) {
      throw error("B01", "订单不存在 (trade " + tid + " does not exist)");
    }
    LogisticsCompany company =
        LogisticsCompany.byCode(code)
            .orElseThrow(() -> error("B56", "物流公司不存在或格式不对 (unknown company_code " + code + ")"));
    if (!company.accepts(outSid)) {
      throw error("B60", "运单号不符合规则或已经被使用 (" + outSid + " is no " + company.name() + " number)");
    }
    Long owner = trackingOwners.putIfAbsent(company.code() + ":" + outSid, tid);
    if (owner != null && owner != tid) {
      throw error("B60", "运单号不符合规则或已经被使用 (" + outSid + " is used by another trade)");
    }
    try {
      store.update(tid, trade -> ship(trade, company, outSid, split ? subTids : null));
    } catch (TopError e) {
      if (owner == null) {
        trackingOwners.remove(company.code() + ":" + outSid, tid);
      }
      throw e;
    }
    ObjectNode body = ResponseShape.object();
    body.putObject("shipping").put("is_success", true);
    return body;
  }

  private TradeRecord ship(
      TradeRecord trade, LogisticsCompany company, String outSid, @Nullable List<Long> subTids) {
    TradeStatus status = trade.status();
    if (status != TradeStatus.WAIT_SELLER_SEND_GOODS
        && status != TradeStatus.SELLER_CONSIGNED_PART) {
      throw error(
          "B04", "订单状态不对，该物流订单已经发货或者已关闭，不能重复发货 (trade " + trade.tid() + " is " + status + ")");
    }
    List<Long> oids;
    if (subTids == null) {
      if (status == TradeStatus.SELLER_CONSIGNED_PART) {
        throw error("CD22", "订单已拆单，必须传入子交易号列表 (trade shipped in part: give sub_tid and is_split=1)");
      }
      oids = trade.unshippedOpenOids();
    } else {
      for (long oid : subTids) {
        if (trade.line(oid).isEmpty()) {
          throw error("P38", "拆单校验未通过 (" + oid + " is no sub-order of trade " + trade.tid() + ")");
        }
        if (trade.lineState(oid).closed()) {
          throw error("P38", "拆单校验未通过 (sub-order " + oid + " was refunded and is closed)");
        }
        if (trade.parcelOf(oid).isPresent()) {
          throw error("B04", "订单状态不对，该物流订单已经发货或者已关闭，不能重复发货 (sub-order " + oid + " already shipped)");
        }
      }
      oids = subTids;
    }
    return trade.consigned(
        clock.instant(), new Parcel(company.code(), company.name(), outSid, oids, clock.instant()));
  }

  private static boolean supports(LogisticsCompany company, String mode) {
    return switch (mode) {
      case "online" -> company.online();
      case "all" -> company.online() && company.offline();
      default -> company.offline();
    };
  }

  private static ObjectNode write(LogisticsCompany company, FieldSelection fields) {
    ObjectNode node = ResponseShape.object();
    if (fields.has("id")) {
      node.put("id", company.id());
    }
    if (fields.has("code")) {
      node.put("code", company.code());
    }
    if (fields.has("name")) {
      node.put("name", company.name());
    }
    if (fields.has("reg_mail_no")) {
      node.put("reg_mail_no", company.regMailNo());
    }
    return node;
  }

  private static boolean splitFlag(@Nullable String value) {
    if (value == null || value.equals("0")) {
      return false;
    }
    if (value.equals("1")) {
      return true;
    }
    throw TopError.invalidArgument("is_split", "is_split must be 0 or 1, got '" + value + "'");
  }

  private static List<Long> subTids(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    Set<Long> oids = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      try {
        oids.add(Long.parseLong(part.trim()));
      } catch (NumberFormatException e) {
        throw TopError.invalidArgument("sub_tid", "sub_tid must list numbers, got '" + part + "'");
      }
    }
    if (oids.size() > 50) {
      throw TopError.invalidArgument("sub_tid", "sub_tid takes at most 50 sub-orders");
    }
    return List.copyOf(oids);
  }

  private static TopError error(String code, String message) {
    return TopError.of(15, "Remote service error", SUB + code, message);
  }
}
