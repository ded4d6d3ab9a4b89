package com.tmallbridge.order;

import com.tmallbridge.core.ShopId;
import org.jspecify.annotations.Nullable;

/**
 * Spring application event: the channel pushed a message saying a refund changed (Tmall TMC topics
 * {@code taobao_refund_*}). Published by {@link TradeMessages} on the stream's worker thread, outside
 * any transaction, once per message delivery, so listeners see duplicates and out-of-order events
 * and must treat it as "look at this refund again" (fetch it and apply it only if newer), never as
 * the refund's state. A listener that throws fails the message and the channel delivers it again
 * later; refund polling remains the catch-up path for messages that never come.
 *
 * @param shop the shop the refund belongs to
 * @param refundId the channel's refund id
 * @param tid the trade id from the message, null when the message did not carry it
 */
public record RefundChangeNoticed(ShopId shop, String refundId, @Nullable String tid) {}
