package com.tmallbridge.console;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.sync.Inbox;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeds a paid trade as the order flow leaves it when a SKU maps to no material: the trade row in
 * state EXCEPTION, its Tmall snapshot in the inbox (with receiver data, for the masking checks)
 * and an open {@code UNMAPPED_SKU} exception. One sub-order: item 5551, SKU 7771, no merchant code,
 * 2 × ¥61.73 = ¥123.46 plus ¥10.00 post fee, paid ¥133.46.
 */
final class HeldTradeSeed {
  static final String RECEIVER_NAME = "张三丰";
  static final String RECEIVER_MOBILE = "13812345678";
  static final String RECEIVER_ADDRESS = "麓山南路932号中南大学新校区";
  static final String NUM_IID = "5551";
  static final String SKU_ID = "7771";
  private static final DateTimeFormatter TOP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneId.of("Asia/Shanghai"));

  private HeldTradeSeed() {}

  /** Seeds the trade and returns the id of its open exception. */
  static long seed(JdbcClient jdbc, Inbox inbox, ShopId shop, String tid, Instant paid) {
    Instant modified = paid.plusSeconds(5);
    String json = """
        {"tid":%s,"status":"WAIT_SELLER_SEND_GOODS","created":"%s","modified":"%s","pay_time":"%s","payment":"133.46",
         "post_fee":"10.00","total_fee":"123.46","discount_fee":"0.00","buyer_nick":"tb_buyer88","receiver_name":"%s",
         "receiver_mobile":"%s","receiver_state":"湖南省","receiver_city":"长沙市","receiver_district":"岳麓区",
         "receiver_address":"%s","buyer_message":"请尽快发货",
         "orders":{"order":[{"oid":%s1,"num_iid":%s,"sku_id":%s,"title":"保温杯 500ml","sku_properties_name":"颜色:白色",
           "num":2,"price":"61.73","total_fee":"123.46","payment":"123.46","status":"WAIT_SELLER_SEND_GOODS"}]}}"""
        .formatted(tid, TOP.format(paid.minusSeconds(60)), TOP.format(modified), TOP.format(paid), RECEIVER_NAME, RECEIVER_MOBILE,
            RECEIVER_ADDRESS, tid, NUM_IID, SKU_ID);
    inbox.offer("tmall", shop, tid, modified, json);
    jdbc.sql("""
        insert into order_trade (shop_id, tid, status, created, modified, pay_time, ever_paid, payment_fen, post_fee_fen, state,
          exception_code, first_seen_at, updated_at)
        values (:shop, :tid, 'WAIT_SELLER_SEND_GOODS', :created, :modified, :paid, true, 13346, 1000, 'EXCEPTION', 'UNMAPPED_SKU',
          :seen, :seen)""")
        .param("shop", shop.value()).param("tid", tid).param("created", paid.minusSeconds(60).atOffset(ZoneOffset.UTC))
        .param("modified", modified.atOffset(ZoneOffset.UTC)).param("paid", paid.atOffset(ZoneOffset.UTC))
        .param("seen", modified.plusSeconds(3).atOffset(ZoneOffset.UTC)).update();
    jdbc.sql("""
        insert into order_exception (shop_id, tid, reason_code, message, status, retries, created_at, updated_at)
        values (:shop, :tid, 'UNMAPPED_SKU', :message, 'OPEN', 0, :at, :at)""")
        .param("shop", shop.value()).param("tid", tid)
        .param("message", "sub-order " + tid + "1 (item " + NUM_IID + " sku " + SKU_ID + ") has no merchant code")
        .param("at", modified.plusSeconds(3).atOffset(ZoneOffset.UTC)).update();
    return jdbc.sql("select max(id) from order_exception").query(Long.class).single();
  }
}
