package com.tmallbridge.erp.embedded;

import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.Receiver;
import com.tmallbridge.secret.FieldCipher;
import com.tmallbridge.erp.ConnectorException;
import com.tmallbridge.erp.SalesOrderAmendment.Particulars;
import com.tmallbridge.erp.SalesOrderAmendment.Result;
import com.tmallbridge.erp.embedded.operations.SalesOrderStatus;
import java.sql.Types;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels sales orders and replaces their receiver or notes. Each call locks the order's row first
 * (as deliveries do), so an amendment racing a delivery sees the delivery or is seen by it. An
 * order with any delivered unit refuses every amendment; a cancelled one refuses updates. An
 * unknown document is returned from the transaction callback and thrown after it, so a caller's
 * surrounding transaction is not marked rollback-only.
 */
final class SalesOrderAmender {
  private static final int MAX_REASON = 200;
  private static final String DELIVERED = """
      select coalesce(sum(quantity), 0) from erp_delivery_line where sales_order_no = :docNo""";
  private static final String CANCEL = """
      update erp_sales_order set status = :status, cancel_reason = :reason where doc_no = :docNo""";
  private static final String UPDATE_RECEIVER = """
      update erp_sales_order set receiver_name = :name, receiver_mobile = :mobile, receiver_phone = :phone,
             receiver_province = :province, receiver_city = :city, receiver_district = :district,
             receiver_address = :address, receiver_zip = :zip
       where doc_no = :docNo""";
  private static final String UPDATE_MEMO = """
      update erp_sales_order set buyer_message = :buyerMessage, seller_memo = :sellerMemo, seller_flag = :flag
       where doc_no = :docNo""";
  private static final String PARTICULARS = """
      select receiver_name, receiver_mobile, receiver_phone, receiver_province, receiver_city, receiver_district,
             receiver_address, receiver_zip, buyer_message, seller_memo, seller_flag, status
        from erp_sales_order where doc_no = :docNo""";

  private final JdbcClient jdbc;
  private final DeliveryRepository deliveries;
  private final TransactionTemplate transaction;
  private final FieldCipher cipher;

  SalesOrderAmender(JdbcClient jdbc, DeliveryRepository deliveries, TransactionTemplate transaction, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.deliveries = deliveries;
    this.transaction = transaction;
    this.cipher = cipher;
  }

  Result cancel(ErpDocNo docNo, String reason) {
    String why = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    return locked(docNo, status -> {
      if (SalesOrderStatus.CANCELLED.name().equals(status)) {
        return Result.APPLIED;
      }
      jdbc.sql(CANCEL).param("status", SalesOrderStatus.CANCELLED.name()).param("reason", why).param("docNo", docNo.value()).update();
      return Result.APPLIED;
    });
  }

  Result updateReceiver(ErpDocNo docNo, Receiver r) {
    return locked(docNo, status -> {
      if (SalesOrderStatus.CANCELLED.name().equals(status)) {
        return Result.REFUSED_CANCELLED;
      }
      MapSqlParameterSource params = new MapSqlParameterSource("docNo", docNo.value())
          .addValue("name", cipher.seal(r.name(), SalesOrderRepository.RECEIVER_NAME), Types.VARCHAR)
          .addValue("mobile", cipher.seal(r.mobile(), SalesOrderRepository.RECEIVER_MOBILE), Types.VARCHAR)
          .addValue("phone", cipher.seal(r.phone(), SalesOrderRepository.RECEIVER_PHONE), Types.VARCHAR).addValue("province", r.province(), Types.VARCHAR)
          .addValue("city", r.city(), Types.VARCHAR).addValue("district", r.district(), Types.VARCHAR)
          .addValue("address", cipher.seal(r.address(), SalesOrderRepository.RECEIVER_ADDRESS), Types.VARCHAR).addValue("zip", r.zip(), Types.VARCHAR);
      jdbc.sql(UPDATE_RECEIVER).paramSource(params).update();
      return Result.APPLIED;
    });
  }

  Result updateMemo(ErpDocNo docNo, @Nullable String buyerMessage, @Nullable String sellerMemo, int flag) {
    return locked(docNo, status -> {
      if (SalesOrderStatus.CANCELLED.name().equals(status)) {
        return Result.REFUSED_CANCELLED;
      }
      MapSqlParameterSource params = new MapSqlParameterSource("docNo", docNo.value())
          .addValue("buyerMessage", buyerMessage, Types.VARCHAR).addValue("sellerMemo", sellerMemo, Types.VARCHAR)
          .addValue("flag", flag);
      jdbc.sql(UPDATE_MEMO).paramSource(params).update();
      return Result.APPLIED;
    });
  }

  Optional<Particulars> particulars(ErpDocNo docNo) {
    return jdbc.sql(PARTICULARS).param("docNo", docNo.value()).query((rs, row) -> new Particulars(
        new Receiver(cipher.open(rs.getString(1), SalesOrderRepository.RECEIVER_NAME),
            cipher.open(rs.getString(2), SalesOrderRepository.RECEIVER_MOBILE),
            cipher.open(rs.getString(3), SalesOrderRepository.RECEIVER_PHONE), rs.getString(4), rs.getString(5), rs.getString(6),
            cipher.open(rs.getString(7), SalesOrderRepository.RECEIVER_ADDRESS), rs.getString(8)),
        rs.getString(9), rs.getString(10), rs.getInt(11), SalesOrderStatus.erpStatusOf(rs.getString(12)))).optional();
  }

  /**
   * Runs {@code change} with the order's row locked, unless the order is unknown (thrown) or has
   * delivered units (refused).
   */
  private Result locked(ErpDocNo docNo, Function<String, Result> change) {
    Result result = transaction.execute(tx -> {
      String status = deliveries.lockOrder(docNo).orElse(null);
      if (status == null) {
        return null;
      }
      long delivered = Objects.requireNonNull(jdbc.sql(DELIVERED).param("docNo", docNo.value()).query(Long.class).single());
      if (delivered > 0 || SalesOrderStatus.PART_SHIPPED.name().equals(status) || SalesOrderStatus.SHIPPED.name().equals(status)) {
        return Result.REFUSED_SHIPPED;
      }
      return change.apply(status);
    });
    if (result == null) {
      throw new ConnectorException(EmbeddedErrorCode.UNKNOWN_SALES_ORDER, false, "there is no sales order " + docNo);
    }
    return result;
  }
}
