package com.tmallbridge.order;

import com.tmallbridge.core.ChannelOrderNo;
import com.tmallbridge.core.ErpDocNo;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.SalesOrderQuery;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the ERP order of a trade: the number recorded at export, else (an export whose record was
 * lost) the ERP's own answer when it can be asked.
 */
@Component
class ErpOrderLocator {
  private final OrderRepository trades;
  private final ErpRegistry erp;

  ErpOrderLocator(OrderRepository trades, ErpRegistry erp) {
    this.trades = trades;
    this.erp = erp;
  }

  Optional<ErpDocNo> find(ShopId shop, String shopCode, String tid) {
    TradeView trade = trades.trade(shop, tid);
    if (trade != null && trade.erpOrderNo() != null) {
      return Optional.of(new ErpDocNo(trade.erpOrderNo()));
    }
    if (!erp.supports(SalesOrderQuery.class)) {
      return Optional.empty();
    }
    return erp.capability(SalesOrderQuery.class).findByChannelOrder(shopCode, new ChannelOrderNo(tid)).map(s -> s.docNo());
  }
}
