package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.WebhookReceiver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alerts test} against local DingTalk and WeCom webhooks, and {@code bridge.alerts.*}
 * checked at start: a bad value stops any command with exit code 2 and one line.
 */
class AlertsCommandTests {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private WebhookReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private int run(String config, String... args) throws Exception {
    Path file = dir.resolve("bridge-" + System.nanoTime() + ".properties");
    Files.writeString(file, config);
    String[] all = new String[args.length + 4];
    all[0] = "--data";
    all[1] = dir.resolve("data").toString();
    all[2] = "--config";
    all[3] = file.toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return BridgeMain.run(all, new PrintWriter(out), new PrintWriter(err));
  }

  private String channels() {
    return "bridge.alerts.dingtalk.webhook=" + receiver.url("/robot/send", "access_token=t") + "\n"
        + "bridge.alerts.dingtalk.secret=SECxyz\n"
        + "bridge.alerts.wecom.webhook=" + receiver.url("/cgi-bin/webhook/send", "key=k1") + "\n"
        + "bridge.alerts.retry.max-attempts=1\n";
  }

  @Test
  void sendsATestMessageToEveryChannel() throws Exception {
    assertThat(run(channels(), "alerts", "test")).as(err.toString()).isZero();

    assertThat(out.toString()).contains("dingtalk: test message sent", "wecom: test message sent");
    assertThat(receiver.requests()).hasSize(2).allSatisfy(r -> assertThat(r.body()).contains("[TmallBridge] TEST test"));
    assertThat(receiver.requests().get(0).param("sign")).isNotBlank();
  }

  @Test
  void aChannelThatFailsExitsWithOneAndOneLine() throws Exception {
    receiver.answerNext(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    receiver.answerNext(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");

    assertThat(run(channels(), "alerts", "test")).isEqualTo(1);

    assertThat(out.toString()).contains("dingtalk: test message sent");
    assertThat(err.toString()).isEqualTo("error: test message not delivered: wecom: refused with errcode 93000 (invalid webhook url)\n");
  }

  @Test
  void withoutAChannelTheTestSaysWhatToConfigure() throws Exception {
    assertThat(run("", "alerts", "test")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: no alert channel is configured").hasLineCount(1);
  }

  @Test
  void aBadValueStopsAnyCommandWithTwoAndOneLine() throws Exception {
    assertThat(run("bridge.alerts.cooldown=PT10S\n", "alerts", "list")).isEqualTo(2);
    assertThat(err.toString()).contains("bridge.alerts.cooldown must be at least PT1M, got PT10S").hasLineCount(1);
  }

  @Test
  void aWebhookThatIsNoUrlStopsTheCommand() throws Exception {
    assertThat(run("bridge.alerts.wecom.webhook=qyapi.weixin.qq.com/send\n", "alerts", "list")).isEqualTo(2);
    assertThat(err.toString()).contains("bridge.alerts.wecom.webhook must be an http(s) URL").hasLineCount(1);
  }

  @Test
  void anEmailWithoutRecipientsStopsTheCommand() throws Exception {
    assertThat(run("bridge.alerts.email.host=127.0.0.1\nbridge.alerts.email.from=bridge@example.com\n", "alerts", "list")).isEqualTo(2);
    assertThat(err.toString()).contains("bridge.alerts.email.to must name at least one recipient").hasLineCount(1);
  }

  @Test
  void listsNoOpenAlertsOnAFreshInstall() throws Exception {
    assertThat(run("", "alerts", "list")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("0 open alert(s)");
  }
}
