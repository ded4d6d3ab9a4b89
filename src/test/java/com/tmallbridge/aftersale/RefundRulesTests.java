package com.tmallbridge.aftersale;

import com.tmallbridge.erp.ErpOrderStatus;
import static com.tmallbridge.aftersale.RefundRules.Action.CANCEL_LINES;
import static com.tmallbridge.aftersale.RefundRules.Action.CREATE_RETURN;
import static com.tmallbridge.aftersale.RefundRules.Action.HOLD;
import static com.tmallbridge.aftersale.RefundRules.Action.MONEY_ADJUSTMENT;
import static com.tmallbridge.aftersale.RefundRules.Action.RECEIVE_RETURN;
import static com.tmallbridge.aftersale.RefundRules.Action.RELEASE;
import static com.tmallbridge.aftersale.RefundRules.Action.RESHIP;
import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.aftersale.RefundRules.Plan;
import com.tmallbridge.aftersale.RefundRules.Shipping;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every transition of the after-sale state machine, without a database. */
class RefundRulesTests {

  @Test
  void anOpenRequestOnAnUnshippedOrderHoldsTheDelivery() {
    Plan plan = RefundRules.plan("WAIT_SELLER_AGREE", RefundKind.REFUND_ONLY, "onsale", null, ErpOrderStatus.OPEN);

    assertThat(plan.shipping()).isEqualTo(Shipping.BEFORE);
    assertThat(plan.actions()).containsExactly(HOLD);
    assertThat(plan.stage()).isEqualTo(RefundStage.HELD);
  }

  @Test
  void successBeforeShippingCancelsTheLinesReleasesTheHoldAndAdjustsMoney() {
    Plan plan = RefundRules.plan("SUCCESS", RefundKind.REFUND_ONLY, "onsale", Shipping.BEFORE, ErpOrderStatus.OPEN);

    assertThat(plan.actions()).containsExactly(CANCEL_LINES, RELEASE, MONEY_ADJUSTMENT);
    assertThat(plan.stage()).isEqualTo(RefundStage.LINES_CANCELLED);
  }

  @ParameterizedTest
  @CsvSource({"CLOSED", "SELLER_REFUSE_BUYER"})
  void closedOrRefusedBeforeShippingReleasesTheHold(String status) {
    Plan plan = RefundRules.plan(status, RefundKind.REFUND_ONLY, "onsale", Shipping.BEFORE, ErpOrderStatus.OPEN);

    assertThat(plan.actions()).containsExactly(RELEASE);
    assertThat(plan.stage()).isEqualTo(RefundStage.RELEASED);
  }

  @Test
  void theSideOfShippingIsDecidedOnceAndKeptWhenTheErpShipsLater() {
    Plan plan = RefundRules.plan("SUCCESS", RefundKind.REFUND_ONLY, "onsale", Shipping.BEFORE, ErpOrderStatus.DELIVERED);

    assertThat(plan.shipping()).isEqualTo(Shipping.BEFORE);
    assertThat(plan.actions()).startsWith(CANCEL_LINES);
  }

  @ParameterizedTest
  @CsvSource({"onsale,DELIVERED", "onsale,PARTLY_DELIVERED", "aftersale,OPEN", "aftersale,DELIVERED"})
  void aRefundOnAShippedOrderOrAfterSaleIsAfterShipping(String phase, ErpOrderStatus erpStatus) {
    Plan plan = RefundRules.plan("WAIT_SELLER_AGREE", RefundKind.RETURN, phase, null, erpStatus);

    assertThat(plan.shipping()).isEqualTo(Shipping.AFTER);
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.stage()).isEqualTo(RefundStage.OPEN);
  }

  @ParameterizedTest
  @CsvSource({"OPEN,false,BEFORE", "PARTLY_DELIVERED,false,BEFORE", "PARTLY_DELIVERED,true,AFTER", "DELIVERED,true,AFTER",
      "DELIVERED,false,AFTER"})
  void theSideIsDecidedByWhetherTheSubOrderItselfLeftTheWarehouse(ErpOrderStatus erpStatus, boolean subOrderDelivered, Shipping side) {
    Plan plan = RefundRules.plan("WAIT_SELLER_AGREE", RefundKind.REFUND_ONLY, "onsale", null, erpStatus, subOrderDelivered);

    assertThat(plan.shipping()).isEqualTo(side);
    assertThat(plan.actions()).isEqualTo(side == Shipping.BEFORE ? List.of(HOLD) : List.of());
  }

  @ParameterizedTest
  @CsvSource({
      "RETURN,WAIT_BUYER_RETURN_GOODS,,OPEN",
      "RETURN,WAIT_SELLER_CONFIRM_GOODS,CREATE_RETURN,RETURN_CREATED",
      "RETURN,SUCCESS,CREATE_RETURN RECEIVE_RETURN MONEY_ADJUSTMENT,RESTOCKED",
      "RETURN,CLOSED,,CLOSED",
      "REFUND_ONLY,WAIT_SELLER_AGREE,,OPEN",
      "REFUND_ONLY,SUCCESS,MONEY_ADJUSTMENT,ADJUSTED",
      "REFUND_ONLY,SELLER_REFUSE_BUYER,,CLOSED",
      "EXCHANGE,WAIT_BUYER_RETURN_GOODS,,OPEN",
      "EXCHANGE,WAIT_SELLER_CONFIRM_GOODS,CREATE_RETURN,RETURN_CREATED",
      "EXCHANGE,SUCCESS,CREATE_RETURN RECEIVE_RETURN RESHIP MONEY_ADJUSTMENT,EXCHANGED",
      "EXCHANGE,CLOSED,,CLOSED",
      "RESHIP,WAIT_SELLER_AGREE,,OPEN",
      "RESHIP,SUCCESS,RESHIP MONEY_ADJUSTMENT,RESHIPPED"})
  void afterShippingTheKindDecidesTheDocuments(RefundKind kind, String status, String actions, RefundStage stage) {
    Plan plan = RefundRules.plan(status, kind, "aftersale", Shipping.AFTER, ErpOrderStatus.DELIVERED);

    assertThat(plan.actions()).map(Enum::name).containsExactly(actions == null ? new String[0] : actions.split(" "));
    assertThat(plan.stage()).isEqualTo(stage);
  }

  @Test
  void anOpenRefundWithoutErpOrderWaitsAndAnEndedOneHasNothingToDo() {
    assertThat(RefundRules.plan("WAIT_SELLER_AGREE", RefundKind.REFUND_ONLY, "onsale", null, null).waitForErpOrder()).isTrue();

    Plan success = RefundRules.plan("SUCCESS", RefundKind.REFUND_ONLY, "onsale", null, null);
    Plan closed = RefundRules.plan("CLOSED", RefundKind.REFUND_ONLY, "onsale", null, null);
    Plan cancelledOrder = RefundRules.plan("WAIT_SELLER_AGREE", RefundKind.REFUND_ONLY, "onsale", null, ErpOrderStatus.CANCELLED);

    assertThat(success.waitForErpOrder()).isFalse();
    assertThat(success.actions()).containsExactly(MONEY_ADJUSTMENT);
    assertThat(success.stage()).isEqualTo(RefundStage.NOT_IN_ERP);
    assertThat(closed.actions()).isEmpty();
    assertThat(cancelledOrder.stage()).isEqualTo(RefundStage.NOT_IN_ERP);
  }

  @Test
  void kindFollowsDisputeTypeThenGoodsReturn() {
    assertThat(RefundKind.of(TestRefunds.refund("1", "SUCCESS").withDispute("TMALL_EXCHANGE").build())).isEqualTo(RefundKind.EXCHANGE);
    assertThat(RefundKind.of(TestRefunds.refund("1", "SUCCESS").withDispute("RESHIPPING").build())).isEqualTo(RefundKind.RESHIP);
    assertThat(RefundKind.of(TestRefunds.refund("1", "SUCCESS").withDispute("REFUND_AND_RETURN").build())).isEqualTo(RefundKind.RETURN);
    assertThat(RefundKind.of(TestRefunds.refund("1", "SUCCESS").withGoodReturn(true).build())).isEqualTo(RefundKind.RETURN);
    assertThat(RefundKind.of(TestRefunds.refund("1", "SUCCESS").build())).isEqualTo(RefundKind.REFUND_ONLY);
  }
}
