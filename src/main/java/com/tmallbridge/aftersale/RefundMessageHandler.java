package com.tmallbridge.aftersale;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.sync.MessageHandler;
import com.tmallbridge.sync.OutboxMessage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code aftersale.refund.follow}: runs the after-sale rules for the refund named in the
 * payload, in the dispatcher's transaction with the built-in ERP, outside any with a remote one
 * (see {@link RefundFollower}).
 */
@Component
class RefundMessageHandler implements MessageHandler {
  static final String TYPE = "aftersale.refund.follow";
  static final String AGGREGATE = "refund";

  private final RefundFollower follower;
  private final ErpRegistry erp;
  private final JsonMapper json;

  RefundMessageHandler(RefundFollower follower, ErpRegistry erp, JsonMapper json) {
    this.follower = follower;
    this.erp = erp;
    this.json = json;
  }

  @Override
  public boolean remote() {
    return erp.activeIsRemote();
  }

  @Override
  public String messageType() {
    return TYPE;
  }

  /** Taking in orders and acting on them before shipping cannot wait behind write-backs. */
  @Override
  public boolean urgent() {
    return true;
  }

  @Override
  public void handle(OutboxMessage message) {
    Payload p = json.readValue(message.payload(), Payload.class);
    follower.follow(new ShopId(p.shop()), p.refundId());
  }

  /** The message's JSON: which refund to follow. */
  record Payload(long shop, String refundId) {}
}
