package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ChannelException;
import com.tmallbridge.channel.ChannelException.Kind;
import com.tmallbridge.channel.MessageHandler;
import com.tmallbridge.channel.MessageStream;
import com.tmallbridge.channel.ShopCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link MessageStream} over TOP's message service (TMC): sellers are subscribed with
 * taobao.tmc.user.permit; messages are consumed over the top-link WebSocket ({@link
 * TmcWebSocketClient}) or, with {@code bridge.channel.tmall.tmc.mode=http}, by polling
 * taobao.tmc.messages.consume ({@link TmcHttpConsumer}). Thread-safe.
 *
 * <p>Timer {@code bridge.tmc.queued}: how long a received message waited for a handler thread.
 */
@Component
class TmallMessageStream implements MessageStream {
  private final TopClient client;
  private final TmcProperties properties;
  private final Clock clock;
  private final Timer queued;

  /** A stream whose timer goes nowhere (tests). */
  TmallMessageStream(TopClient client, TmcProperties properties, Clock clock) {
    this(client, properties, clock, new CompositeMeterRegistry());
  }

  @Autowired
  TmallMessageStream(TopClient client, TmcProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) {
    this(client, properties, clock, meters.getIfAvailable(CompositeMeterRegistry::new));
  }

  private TmallMessageStream(TopClient client, TmcProperties properties, Clock clock, MeterRegistry meters) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    this.queued = Timer.builder("bridge.tmc.queued").description("A pushed message from receipt to the start of its handler")
        .register(meters);
  }

  @Override
  public boolean enabled() {
    return properties.enabled();
  }

  @Override
  public void subscribe(ShopCredentials shop, List<String> topics) {
    TopResponse response = client.call(shop, TmcRequests.userPermit(topics));
    if (!TopValues.bool(response.body(), "is_success", false)) {
      TmallErrorCode code = TmallErrorCode.TMC_PERMIT_REFUSED;
      throw new ChannelException(code, Kind.PERMANENT,
          code.code() + " shop " + shop.shop() + ": " + TmcRequests.USER_PERMIT + " answered is_success=false", null, null);
    }
  }

  @Override
  public Connection start(ShopCredentials app, MessageHandler handler, RefusalListener refusals) {
    return switch (properties.mode()) {
      case WEBSOCKET -> new TmcWebSocketClient(properties, app, handler, refusals, clock, queued).start();
      case HTTP -> new TmcHttpConsumer(client, properties, app, handler, refusals, clock, queued).start();
    };
  }
}
