package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import com.tmallbridge.console.job.BackfillWork;
import com.tmallbridge.console.job.ConsoleJobs;
import com.tmallbridge.console.job.JobState;
import com.tmallbridge.console.job.JobView;
import com.tmallbridge.order.OrderManagement;
import com.tmallbridge.sandbox.tmall.SandboxConfig;
import com.tmallbridge.sandbox.tmall.TmallSandbox;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.shop.ShopRegistration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's backfill job: a shop's orders re-read from a time through the sandbox, window by
 * window, with progress up to the job's start; what the bridge then holds is every sandbox trade.
 */
class BackfillJobTests extends ConsoleWebTestBase {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

  @Autowired ConsoleJobs jobs;
  @Autowired OrderManagement orders;
  @Autowired AuditManagement audit;

  private TmallSandbox sandbox;
  private Shop shop;

  @BeforeEach
  void shopWithHistory() {
    sandbox = TmallSandbox.start(SandboxConfig.defaults().withSeed(13).withClock(Clock.systemUTC()));
    Instant now = Instant.now();
    sandbox.generateHistory(30, now.minus(Duration.ofHours(3)), now.minus(Duration.ofMinutes(1)));
    var c = sandbox.credentials();
    // registered with a first pull an hour back: the older trades are only found by re-reading
    shop = shops.add(new ShopRegistration("BF01", "补数店", sandbox.url(), c.appKey(), c.appSecret(), c.sessionKey(), "md5",
        now.minus(Duration.ofHours(1))));
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  @Test
  void anOperatorReReadsAShopsOrdersSinceATimeAndTheJobEndsWithEveryTradeAndItsProgressAtTheTotal() throws Exception {
    var olga = principal("olga", Role.OPERATOR, ShopScope.everyShop());
    String from = LocalDateTime.ofInstant(Instant.now().minus(Duration.ofHours(4)), CST).truncatedTo(ChronoUnit.MINUTES).toString();

    mvc.perform(post("/jobs/backfill").param("shop", "BF01").param("from", from).with(csrf()).with(user(olga)))
        .andExpect(redirectedUrl("/jobs")).andExpect(flash().attributeExists("outcome"));

    JobView job = jobs.list(List.of(shop.id())).stream().filter(j -> j.kind().equals(BackfillWork.KIND))
        .max(Comparator.comparingLong(JobView::id)).orElseThrow();
    JobView done = await().atMost(WAIT).until(() -> jobs.find(job.id()).orElseThrow(), j -> j.state() != JobState.RUNNING);
    assertThat(done.state()).as(done.note()).isEqualTo(JobState.DONE);
    assertThat(done.total()).as("minutes from the start to the job's start").isBetween(240L, 241L);
    assertThat(done.done()).isEqualTo(done.total());
    assertThat(done.note()).matches("\\d+ trades read, \\d+ new or changed");
    assertThat(orders.trades(null, shop.id(), 100)).as("every sandbox trade, also those before the first pull").hasSize(30);
    assertThat(orders.pulledUpTo(shop.id())).hasValueSatisfying(at -> assertThat(at).isAfter(Instant.now().minus(Duration.ofMinutes(1))));
    assertThat(audit.entries(AuditAction.JOB, "olga", "job:backfill:BF01", null, null, 5)).extracting(AuditEntry::outcome)
        .contains("STARTED", "DONE");
  }

  @Test
  void aStartInTheFutureOrNotATimeComesBackAsOneLineAndNoJobRuns() throws Exception {
    var olga = principal("olga", Role.OPERATOR, ShopScope.everyShop());
    String future = LocalDateTime.ofInstant(Instant.now().plus(Duration.ofHours(2)), CST).truncatedTo(ChronoUnit.MINUTES).toString();

    mvc.perform(post("/jobs/backfill").param("shop", "BF01").param("from", future).with(csrf()).with(user(olga)))
        .andExpect(redirectedUrl("/jobs")).andExpect(flash().attribute("refused",
            org.hamcrest.Matchers.containsString("is in the future")));
    mvc.perform(post("/jobs/backfill").param("shop", "BF01").param("from", "yesterday").with(csrf()).with(user(olga)))
        .andExpect(flash().attribute("refused", "'yesterday' is not a date and time (e.g. 2026-12-04T08:00)"));
    assertThat(jobs.list(List.of(shop.id()))).noneMatch(j -> j.kind().equals(BackfillWork.KIND));
    mvc.perform(get("/jobs").param("lang", "en").with(user(olga))).andExpect(
        org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
            org.hamcrest.Matchers.containsString("Re-read a shop&#39;s orders since")));
  }
}
