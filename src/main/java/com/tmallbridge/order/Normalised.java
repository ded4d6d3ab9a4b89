package com.tmallbridge.order;

import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.core.SalesOrder;

/** A trade and the sales order it became (lines in the same order as the trade's sub-orders). */
record Normalised(ChannelTrade trade, SalesOrder order) {}
