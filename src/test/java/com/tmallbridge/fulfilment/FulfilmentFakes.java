package com.tmallbridge.fulfilment;

import com.tmallbridge.channel.CarrierCompany;
import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelTrade;
import com.tmallbridge.channel.OrderFeed;
import com.tmallbridge.channel.ShipResult;
import com.tmallbridge.channel.ShipmentPublisher;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.core.ShopId;
import com.tmallbridge.core.TimeWindow;
import com.tmallbridge.testsupport.TestErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A fake Tmall for the fulfilment flow: trades to import, carriers, and shipments it remembers. */
final class FulfilmentFakes {
  private FulfilmentFakes() {}

  /** Every trade of a shop on every pull (the importer applies only newer snapshots). */
  static final class FakeOrders implements OrderFeed {
    final Map<ShopId, List<ChannelTrade>> trades = new ConcurrentHashMap<>();

    void add(ShopId shop, ChannelTrade trade) {
      trades.computeIfAbsent(shop, s -> new CopyOnWriteArrayList<>()).add(trade);
    }

    @Override
    public void changedTrades(ShopCredentials shop, TimeWindow window, Consumer<List<ChannelTrade>> pageSink) {
      List<ChannelTrade> page = trades.getOrDefault(shop.shop(), List.of());
      if (!page.isEmpty()) {
        pageSink.accept(List.copyOf(page));
      }
    }

    @Override
    public Optional<ChannelTrade> trade(ShopCredentials shop, String tid) {
      return trades.getOrDefault(shop.shop(), List.of()).stream().filter(t -> t.tid().equals(tid)).findFirst();
    }

    @Override
    public ChannelTrade fromSnapshot(String rawJson) {
      throw new IllegalArgumentException("the fake keeps no snapshots");
    }
  }

  /** One ship call as Tmall saw it. */
  record Call(String tid, String company, String trackingNo, @Nullable List<String> subOids) {}

  /**
   * Tmall's shipping: SF (pattern {@code SF\d{12}}), ZTO ({@code \d{12}}) and YTO 圆通速递 (no
   * pattern). Remembers shipped trades and sub-orders; a repeat answers ALREADY_SHIPPED. Tracking
   * numbers in {@link #refusedTracking} and trades in {@link #closed} are refused permanently;
   * {@link #transientFailures} calls fail retryably first.
   */
  static final class FakeShipping implements ShipmentPublisher {
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Set<String> shippedTrades = ConcurrentHashMap.newKeySet();
    final Set<String> shippedSubOrders = ConcurrentHashMap.newKeySet();
    final Set<String> refusedTracking = ConcurrentHashMap.newKeySet();
    final Set<String> closed = ConcurrentHashMap.newKeySet();
    final AtomicInteger transientFailures = new AtomicInteger();
    final AtomicInteger companyCalls = new AtomicInteger();

    @Override
    public ShipResult ship(ShopCredentials shop, String tid, String companyCode, String trackingNo, @Nullable List<String> subOids) {
      calls.add(new Call(tid, companyCode, trackingNo, subOids));
      if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw failure("TMALL-001", ChannelException.Kind.RETRYABLE, "isp.remote-service-timeout");
      }
      if (refusedTracking.contains(trackingNo)) {
        throw failure("TMALL-040", ChannelException.Kind.PERMANENT, "isv.logistics-offline-service-error:B60 运单号不符合规则");
      }
      if (closed.contains(tid)) {
        throw failure("TMALL-042", ChannelException.Kind.PERMANENT, "isv.logistics-offline-service-error:B04 交易已关闭");
      }
      String key = shop.shop().value() + ":" + tid;
      if (subOids == null) {
        return new ShipResult(tid, null, shippedTrades.add(key) ? ShipResult.Outcome.SHIPPED : ShipResult.Outcome.ALREADY_SHIPPED, "");
      }
      boolean any = false;
      for (String oid : subOids) {
        any |= !shippedTrades.contains(key) && shippedSubOrders.add(key + ":" + oid);
      }
      return new ShipResult(tid, subOids, any ? ShipResult.Outcome.SHIPPED : ShipResult.Outcome.ALREADY_SHIPPED, "");
    }

    @Override
    public List<CarrierCompany> companies(ShopCredentials shop) {
      companyCalls.incrementAndGet();
      return new ArrayList<>(List.of(
          new CarrierCompany("SF", "顺丰速运", "^SF[0-9]{12}$", 505L),
          new CarrierCompany("ZTO", "中通快递", "^[0-9]{12}$", 500L),
          new CarrierCompany("YTO", "圆通速递", null, 101L)));
    }

    List<Call> callsFor(String tid) {
      return calls.stream().filter(c -> c.tid().equals(tid)).toList();
    }

    private static ChannelException failure(String code, ChannelException.Kind kind, String message) {
      return new ChannelException(new TestErrorCode(code, "test"), kind, code + " " + message, null, null);
    }
  }

  @TestConfiguration
  static class Beans {
    @Bean
    @Primary
    FakeOrders fakeOrders() {
      return new FakeOrders();
    }

    @Bean
    @Primary
    FakeShipping fakeShipping() {
      return new FakeShipping();
    }
  }
}
