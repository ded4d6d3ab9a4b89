package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.audit.Actor;
import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import com.tmallbridge.channel.QuantityUpdate;
import com.tmallbridge.channel.ShopCredentials;
import com.tmallbridge.channel.StockPublisher;
import com.tmallbridge.console.job.ConsoleJobs;
import com.tmallbridge.console.job.JobRefusedException;
import com.tmallbridge.console.job.JobState;
import com.tmallbridge.console.job.JobView;
import com.tmallbridge.console.job.JobWork;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.shop.Shop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The console's job runner and its first job, the full stock push of a shop, against a Tmall that
 * records the figures pushed (and can be held mid-push): progress reaches the total, a second start
 * is refused while one runs, jobs keep to the user's shops, start and end are audited as the user.
 */
@Import(ConsoleJobsTests.Publisher.class)
class ConsoleJobsTests extends ConsoleWebTestBase {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern JOB_ID = Pattern.compile("id=\"job-(\\d+)\"");

  @Autowired ErpRegistry erp;
  @Autowired ConsoleJobs jobs;
  @Autowired AuditManagement audit;
  @Autowired GatedTmall tmall;

  private Shop east;
  private Shop west;

  @BeforeEach
  void seed() {
    tmall.reset();
    east = shop("EAST");
    west = shop("WEST");
    Console3Seeds seeds = new Console3Seeds(jdbc, erp);
    seeds.material("MUG", 30);
    // three items, five listings; two never pushed, three pushed with the figure they want (a full push sends them anyway)
    seeds.publication(east.id(), "5001", "71", "MUG", 7, 7L, Instant.now().minusSeconds(3600), null);
    seeds.publication(east.id(), "5001", "72", "MUG", 6, 6L, Instant.now().minusSeconds(3600), null);
    seeds.publication(east.id(), "5002", "81", "MUG", 5, null, null, null);
    seeds.publication(east.id(), "5002", "82", "MUG", 4, 4L, Instant.now().minusSeconds(3600), null);
    seeds.publication(east.id(), "5003", "", "MUG", 3, null, null, null);
    seeds.publication(west.id(), "9001", "91", "MUG", 2, 2L, Instant.now().minusSeconds(3600), null);
  }

  @AfterEach
  void release() {
    tmall.open();
  }

  @Test
  void aFullStockPushPushesEveryListingOfTheShopReachesItsTotalAndIsAuditedAsItsStarter() throws Exception {
    var olga = principal("olga", Role.OPERATOR, ShopScope.everyShop());
    tmall.close(); // held until the running job's first answer is read: that answer polls

    String started = body(mvc.perform(post("/jobs/stock-push").param("shop", "EAST").header("HX-Request", "true").with(csrf())
        .with(user(olga))).andReturn().getResponse());
    long id = jobId(started);
    assertThat(started).contains("hx-trigger=\"every 1s\"").contains("/jobs/" + id);
    tmall.open();

    JobView done = await().atMost(WAIT).until(() -> jobs.find(id).orElseThrow(), j -> j.state() != JobState.RUNNING);
    assertThat(done.state()).isEqualTo(JobState.DONE);
    assertThat(done.total()).isEqualTo(5);
    assertThat(done.done()).isEqualTo(5);
    assertThat(done.startedBy()).isEqualTo("olga");
    assertThat(tmall.shown).containsOnly(Map.entry(east.id().value() + "/5001/71", 7L), Map.entry(east.id().value() + "/5001/72", 6L),
        Map.entry(east.id().value() + "/5002/81", 5L), Map.entry(east.id().value() + "/5002/82", 4L),
        Map.entry(east.id().value() + "/5003/", 3L));
    assertThat(jdbc.sql("select count(*) from stock_publication where shop_id = :s and pushed = wanted and not force_push")
        .param("s", east.id().value()).query(Long.class).single()).isEqualTo(5);

    String finished = body(mvc.perform(get("/jobs/{id}", id).param("lang", "en").with(user(olga))).andReturn().getResponse());
    assertThat(finished).contains("data-percent=\"100\"").contains("5 / 5 (100%)").contains("done").doesNotContain("hx-trigger");

    List<AuditEntry> entries = audit.entries(AuditAction.JOB, null, "job:stock-push:EAST", null, null, 10);
    assertThat(entries).extracting(AuditEntry::actor).containsOnly("olga");
    assertThat(entries).extracting(AuditEntry::outcome).containsExactly("DONE", "STARTED");
    assertThat(entries.get(0).after()).isEqualTo("job " + id + ": 5 of 5");
  }

  @Test
  void aSecondFullPushOfTheSameShopIsRefusedWhileTheFirstRunsAndAnotherShopMayStart() throws Exception {
    tmall.close();
    long first = jobId(body(mvc.perform(post("/jobs/stock-push").param("shop", "EAST").header("HX-Request", "true").with(csrf())
        .with(user(principal(Role.ADMIN)))).andReturn().getResponse()));
    await().atMost(WAIT).until(() -> tmall.entered.get() > 0);

    String second = body(mvc.perform(post("/jobs/stock-push").param("shop", "EAST").header("HX-Request", "true").with(csrf())
        .with(user(principal(Role.OPERATOR)))).andReturn().getResponse());
    assertThat(second).contains("id=\"refused\"").contains("is running (job " + first + ")");
    assertThat(jobs.list(List.of(east.id())).stream().filter(JobView::running)).extracting(JobView::id).containsExactly(first);
    assertThat(jobs.find(first).orElseThrow().running()).isTrue();
    assertThat(jobs.find(first).orElseThrow().done()).isLessThan(5);

    long westJob = jobId(body(mvc.perform(post("/jobs/stock-push").param("shop", "WEST").header("HX-Request", "true").with(csrf())
        .with(user(principal(Role.OPERATOR)))).andReturn().getResponse()));
    assertThat(westJob).isNotEqualTo(first);

    tmall.open();
    await().atMost(WAIT).until(() -> jobs.list(null).stream().noneMatch(JobView::running));
    assertThat(jobs.find(first).orElseThrow()).satisfies(j -> assertThat(j.done()).isEqualTo(j.total()).isEqualTo(5));
    assertThat(jobs.find(westJob).orElseThrow()).satisfies(j -> assertThat(j.done()).isEqualTo(j.total()).isEqualTo(1));
    // once it ended, the shop may be pushed again
    JobView again = jobs.start("stock-push", east.id(), "EAST", new Actor("admin", "127.0.0.1"), nothingToDo());
    await().atMost(WAIT).until(() -> !jobs.find(again.id()).orElseThrow().running());
  }

  @Test
  void jobsKeepToTheUsersShops() throws Exception {
    long eastJob = jobId(body(mvc.perform(post("/jobs/stock-push").param("shop", "EAST").header("HX-Request", "true").with(csrf())
        .with(user(principal(Role.ADMIN)))).andReturn().getResponse()));
    var wes = principal("wes", Role.OPERATOR, ShopScope.only(only(west)));

    mvc.perform(post("/jobs/stock-push").param("shop", "EAST").with(csrf()).with(user(wes))).andExpect(status().isNotFound());
    mvc.perform(get("/jobs/{id}", eastJob).with(user(wes))).andExpect(status().isNotFound());
    assertThat(body(mvc.perform(get("/jobs").with(user(wes))).andReturn().getResponse())).doesNotContain("job-" + eastJob);
    assertThat(body(mvc.perform(get("/jobs").with(user(principal(Role.AUDITOR)))).andReturn().getResponse())).contains("job-" + eastJob);
    mvc.perform(post("/jobs/stock-push").param("shop", "WEST").with(csrf()).with(user(principal(Role.AUDITOR))))
        .andExpect(status().isForbidden());
    await().atMost(WAIT).until(() -> !jobs.find(eastJob).orElseThrow().running());
  }

  @Test
  void aJobWhoseWorkThrowsEndsAsFailedWithTheReasonAndAJobWithNothingToDoIsDoneAtOnce() {
    JobView failing = jobs.start("test-fail", west.id(), "WEST", new Actor("admin", "127.0.0.1"), new JobWork() {
      @Override
      public long begin() {
        return 3;
      }

      @Override
      public Step step() {
        throw new IllegalStateException("the ERP is down");
      }
    });
    JobView ended = await().atMost(WAIT).until(() -> jobs.find(failing.id()).orElseThrow(), j -> !j.running());
    assertThat(ended.state()).isEqualTo(JobState.FAILED);
    assertThat(ended.note()).isEqualTo("the ERP is down");

    JobView empty = jobs.start("test-empty", west.id(), "WEST", new Actor("admin", "127.0.0.1"), nothingToDo());
    JobView over = await().atMost(WAIT).until(() -> jobs.find(empty.id()).orElseThrow(), j -> !j.running());
    assertThat(over.state()).isEqualTo(JobState.DONE);
    assertThat(over.percent()).isEqualTo(100);
  }

  @Test
  void theRunnerRefusesASecondJobOfAKindForAShopDirectly() {
    CountDownLatch hold = new CountDownLatch(1);
    JobWork held = new JobWork() {
      @Override
      public long begin() {
        return 1;
      }

      @Override
      public Step step() {
        return new Step(hold.getCount() == 0 ? 1 : 0, hold.getCount() == 0, "");
      }
    };
    JobView first = jobs.start("test-held", west.id(), "WEST", new Actor("admin", "127.0.0.1"), held);
    assertThatThrownBy(() -> jobs.start("test-held", west.id(), "WEST", new Actor("olga", "127.0.0.1"), nothingToDo()))
        .isInstanceOf(JobRefusedException.class).hasMessage("a test-held job for shop WEST is running (job " + first.id() + ")");
    hold.countDown();
    JobView over = await().atMost(WAIT).until(() -> jobs.find(first.id()).orElseThrow(), j -> !j.running());
    assertThat(over.done()).isEqualTo(1);
  }

  private static JobWork nothingToDo() {
    return new JobWork() {
      @Override
      public long begin() {
        return 0;
      }

      @Override
      public Step step() {
        return new Step(0, true, "");
      }
    };
  }

  private static String body(MockHttpServletResponse response) throws Exception {
    response.setCharacterEncoding("UTF-8");
    return response.getContentAsString();
  }

  private static long jobId(String html) {
    Matcher m = JOB_ID.matcher(html);
    assertThat(m.find()).as("a job in %s", html).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** A Tmall that records what it was sent; while {@link #close closed} each push waits for {@link #open}. */
  static final class GatedTmall implements StockPublisher {
    final Map<String, Long> shown = new ConcurrentHashMap<>();
    final AtomicInteger entered = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    void reset() {
      shown.clear();
      entered.set(0);
      open();
    }

    void close() {
      gate = new CountDownLatch(1);
    }

    void open() {
      gate.countDown();
    }

    private void pass() {
      entered.incrementAndGet();
      try {
        if (!gate.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public QuantityUpdate setSkuQuantities(ShopCredentials shop, String numIid, Map<String, Long> bySku) {
      pass();
      bySku.forEach((sku, q) -> shown.put(shop.shop().value() + "/" + numIid + "/" + sku, q));
      return new QuantityUpdate(numIid, 0, bySku, Instant.EPOCH);
    }

    @Override
    public QuantityUpdate setItemQuantity(ShopCredentials shop, String numIid, @Nullable String skuId, long quantity) {
      pass();
      shown.put(shop.shop().value() + "/" + numIid + "/" + (skuId == null ? "" : skuId), quantity);
      return new QuantityUpdate(numIid, quantity, skuId == null ? Map.of() : Map.of(skuId, quantity), Instant.EPOCH);
    }
  }

  @TestConfiguration
  static class Publisher {
    @Bean
    @Primary
    GatedTmall gatedTmall() {
      return new GatedTmall();
    }
  }
}
