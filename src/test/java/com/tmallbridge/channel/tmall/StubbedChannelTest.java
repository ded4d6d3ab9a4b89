package com.tmallbridge.channel.tmall;

import com.tmallbridge.channel.ShopCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of tests that drive a {@link TmallChannel} against a {@link TopStubServer}: a fresh stub and
 * shop (md5) per test, the channel on the test properties and a clock fixed at {@link #now()}.
 */
abstract class StubbedChannelTest {
  protected TopStubServer server;
  protected ShopCredentials shop;
  protected TmallChannel channel;

  /** The fixed instant of the channel's clock. */
  protected abstract Instant now();

  @BeforeEach
  void startStub() throws Exception {
    server = TopStubServer.start();
    shop = server.shop(3, "md5");
    TmallProperties properties = new TestProperties().build();
    Clock clock = Clock.fixed(now(), ZoneOffset.UTC);
    channel = new TmallChannel(new TopClient(properties, clock), properties, clock);
  }

  @AfterEach
  void stopStub() {
    server.close();
  }
}
