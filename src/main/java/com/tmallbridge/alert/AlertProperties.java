package com.tmallbridge.alert;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bridge.alerts.*}, checked when the application starts: a bad value stops the command with
 * exit code 2 and one line naming the key (see {@code docs/alerts.md}).
 *
 * @param interval how often the conditions are evaluated (default 1 minute, at least 5 seconds)
 * @param cooldown an open alert is sent again at most this often (default 1 hour, at least 1 minute)
 * @param openExceptionsThreshold a shop with more open exceptions than this raises an alert (default 20, at least 0)
 * @param syncLagThreshold a stream whose checkpoint is older than this raises an alert (default 30 minutes)
 * @param oversellWindow oversold trades flagged within this period keep a shop's oversell alert open (default 24 hours)
 * @param timeout connect and read timeout of one webhook call or SMTP exchange (default 10 seconds)
 * @param retry how often and how fast a failed delivery is tried again
 * @param dingtalk the DingTalk group robot, null when not configured
 * @param wecom the WeCom (企业微信) group robot, null when not configured
 * @param email the e-mail channel, null when not configured
 */
@ConfigurationProperties("bridge.alerts")
public record AlertProperties(
    @Nullable Duration interval,
    @Nullable Duration cooldown,
    @Nullable Integer openExceptionsThreshold,
    @Nullable Duration syncLagThreshold,
    @Nullable Duration oversellWindow,
    @Nullable Duration timeout,
    @Nullable Retry retry,
    @Nullable DingTalk dingtalk,
    @Nullable WeCom wecom,
    @Nullable Email email) {

  public AlertProperties {
    interval = atLeast("interval", interval, Duration.ofMinutes(1), Duration.ofSeconds(5));
    cooldown = atLeast("cooldown", cooldown, Duration.ofHours(1), Duration.ofMinutes(1));
    syncLagThreshold = atLeast("sync-lag-threshold", syncLagThreshold, Duration.ofMinutes(30), Duration.ofMinutes(1));
    oversellWindow = atLeast("oversell-window", oversellWindow, Duration.ofHours(24), Duration.ofMinutes(1));
    timeout = atLeast("timeout", timeout, Duration.ofSeconds(10), Duration.ofMillis(100));
    openExceptionsThreshold = openExceptionsThreshold == null ? 20 : openExceptionsThreshold;
    if (openExceptionsThreshold < 0) {
      throw new IllegalArgumentException("bridge.alerts.open-exceptions-threshold must be 0 or more, got " + openExceptionsThreshold);
    }
    retry = retry == null ? new Retry(null, null) : retry;
  }

  /** The settings without any value given: defaults, no channel. */
  public static AlertProperties defaults() {
    return new AlertProperties(null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Retries of a failed delivery: exponential backoff (doubling) from {@code initialBackoff}.
   *
   * @param maxAttempts attempts in all, the first included (default 4, 1-10)
   * @param initialBackoff wait before the second attempt (default 2 seconds)
   */
  public record Retry(@Nullable Integer maxAttempts, @Nullable Duration initialBackoff) {
    public Retry {
      maxAttempts = maxAttempts == null ? 4 : maxAttempts;
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException("bridge.alerts.retry.max-attempts must be between 1 and 10, got " + maxAttempts);
      }
      initialBackoff = atLeast("retry.initial-backoff", initialBackoff, Duration.ofSeconds(2), Duration.ofMillis(1));
    }
  }

  /**
   * A DingTalk custom robot (自定义机器人).
   *
   * @param webhook its URL, {@code https://oapi.dingtalk.com/robot/send?access_token=…}
   * @param secret the "加签" secret ({@code SEC…}); null when the robot uses keywords or an IP list instead
   */
  public record DingTalk(String webhook, @Nullable String secret) {
    public DingTalk {
      webhook = requireUrl("dingtalk.webhook", webhook);
      secret = secret == null || secret.isBlank() ? null : secret.strip();
    }

    @Override
    public String toString() {
      return "DingTalk[webhook=" + masked(webhook) + ", secret=" + (secret == null ? "none" : "****") + "]";
    }
  }

  /**
   * A WeCom (企业微信) group robot (群机器人). It has no signing: the key in the URL is the only secret.
   *
   * @param webhook its URL, {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}
   */
  public record WeCom(String webhook) {
    public WeCom {
      webhook = requireUrl("wecom.webhook", webhook);
      if (!URI.create(webhook).getRawQuery().contains("key=")) {
        throw new IllegalArgumentException("bridge.alerts.wecom.webhook must carry the robot's key (…/webhook/send?key=…), got "
            + masked(webhook));
      }
    }

    @Override
    public String toString() {
      return "WeCom[webhook=" + masked(webhook) + "]";
    }
  }

  /**
   * E-mail through an SMTP server.
   *
   * @param host the SMTP server
   * @param port its port (default 25; 465 is SMTPS, which {@code ssl} turns on)
   * @param username login, null for none
   * @param password its password, null for none (set it through {@code BRIDGE_ALERTS_EMAIL_PASSWORD}, not in a file others read)
   * @param starttls require STARTTLS (default false)
   * @param ssl SMTP over TLS from the first byte (SMTPS, default false)
   * @param from the sender address
   * @param to the recipients, at least one
   */
  public record Email(String host, @Nullable Integer port, @Nullable String username, @Nullable String password,
      @Nullable Boolean starttls, @Nullable Boolean ssl, String from, List<String> to) {
    public Email {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("bridge.alerts.email.host must be set when bridge.alerts.email.* is");
      }
      port = port == null ? 25 : port;
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("bridge.alerts.email.port must be between 1 and 65535, got " + port);
      }
      starttls = Boolean.TRUE.equals(starttls);
      ssl = Boolean.TRUE.equals(ssl);
      if (from == null || !from.contains("@")) {
        throw new IllegalArgumentException("bridge.alerts.email.from must be an e-mail address, got '" + from + "'");
      }
      if (to == null || to.isEmpty()) {
        throw new IllegalArgumentException("bridge.alerts.email.to must name at least one recipient");
      }
      for (String address : to) {
        if (!address.contains("@")) {
          throw new IllegalArgumentException("bridge.alerts.email.to: '" + address + "' is not an e-mail address");
        }
      }
      to = List.copyOf(to);
    }

    @Override
    public String toString() {
      return "Email[host=" + host + ", port=" + port + ", username=" + username + ", password=****, from=" + from + ", to=" + to + "]";
    }
  }

  /** Whether any channel is configured. */
  public boolean anyChannel() {
    return dingtalk != null || wecom != null || email != null;
  }

  private static Duration atLeast(String key, @Nullable Duration value, Duration fallback, Duration minimum) {
    Duration v = value == null ? fallback : value;
    if (v.compareTo(minimum) < 0) {
      throw new IllegalArgumentException("bridge.alerts." + key + " must be at least " + minimum + ", got " + v);
    }
    return v;
  }

  /** A webhook URL without its query (the robot's token or key, which lets anyone post to the group). */
  static String masked(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?****";
  }

  private static String requireUrl(String key, @Nullable String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("bridge.alerts." + key + " must be set");
    }
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bridge.alerts." + key + " is not a URL: " + url);
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null || uri.getRawQuery() == null) {
      throw new IllegalArgumentException("bridge.alerts." + key + " must be an http(s) URL with its query (the robot's token), got " + masked(url));
    }
    return url.strip();
  }
}
