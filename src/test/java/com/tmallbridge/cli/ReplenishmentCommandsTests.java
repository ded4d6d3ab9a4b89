package com.tmallbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.MaterialCode;
import com.tmallbridge.erp.ErpRegistry;
import com.tmallbridge.erp.Material;
import com.tmallbridge.erp.MaterialCatalog;
import com.tmallbridge.erp.StockLedger;
import com.tmallbridge.stock.Replenishment;
import com.tmallbridge.testsupport.MutableClock;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code alerts} and {@code replenish} as sub-commands of a small root, against the built-in ERP. */
@SpringBootTest
class ReplenishmentCommandsTests extends SpringDatabaseTestBase {
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(NOW);
    }
  }

  /** Stands in for {@code bridge stock}: passes {@code --json} down as the real root does. */
  @Command(name = "stock", subcommands = {ReplenishmentCommands.Alerts.class, ReplenishmentCommands.Replenish.class})
  static class StockRoot implements Runnable, ReplenishmentCommands.FacadeSource {
    @Option(names = "--json", scope = ScopeType.INHERIT) boolean json;
    final Replenishment facade;

    StockRoot(Replenishment facade) {
      this.facade = facade;
    }

    @Override
    public Replenishment replenishment() {
      return facade;
    }

    @Override
    public void run() {}
  }

  @Autowired Replenishment replenishment;
  @Autowired ErpRegistry erp;
  @Autowired MutableClock clock;
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private MaterialCode low;
  private MaterialCode dead;

  @BeforeEach
  void seed() {
    clock.set(NOW);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    low = material("LOW-" + tag);
    dead = material("DEAD-" + tag);
    move(low, 60, "RECEIPT", 30);
    move(low, -56, "DELIVERY", 10);
  }

  private MaterialCode material(String code) {
    MaterialCode m = new MaterialCode(code);
    erp.capability(MaterialCatalog.class).upsertMaterial(new Material(m, code, "pcs", 100));
    return m;
  }

  private void move(MaterialCode m, long quantity, String reason, int daysAgo) {
    clock.set(NOW.minus(Duration.ofDays(daysAgo)));
    erp.capability(StockLedger.class).book("WH01", m, quantity, reason, reason + "-" + UUID.randomUUID());
    clock.set(NOW);
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new StockRoot(replenishment));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler(new ExecutionErrors());
    return cli.execute(args);
  }

  @Test
  void printsTheSuggestionTableWithDeadStockApart() {
    assertThat(run("replenish", "--warehouse", "WH01")).isZero();

    String text = out.toString();
    String lowLine = text.lines().filter(l -> l.startsWith(low.value())).findFirst().orElseThrow();
    // 2/day over 28 days; reorder point 14 + 6 = 20; order 42 + 6 − 4 = 44; 2 days of cover
    assertThat(lowLine.split("\\s+")).containsExactly(low.value(), "WH01", "4", "56", "28d", "2.00", "7d", "20.00", "20.00", "2.0", "44",
        "REORDER", "yes");
    assertThat(text).contains("no sales in the window and nothing on hand");
    assertThat(text.substring(text.indexOf("no sales in the window"))).contains(dead.value());
  }

  @Test
  void printsJsonAndWritesCsv() throws Exception {
    Path csv = dir.resolve("suggestions.csv");
    assertThat(run("replenish", "--material", low.value(), "--window-days", "14", "--lead-days", "3", "--json", "--csv", csv.toString()))
        .isZero();

    JsonNode item = JsonMapper.builder().build().readTree(out.toString()).get("items").get(0);
    // 56 in 14 days = 4/day; reorder point 12 + 12 = 24
    assertThat(item.get("material").asString()).isEqualTo(low.value());
    assertThat(item.get("averageDailySales").decimalValue()).isEqualByComparingTo("4.00");
    assertThat(item.get("reorderPoint").decimalValue()).isEqualByComparingTo("24.00");
    assertThat(item.get("status").asString()).isEqualTo("REORDER");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("MATERIAL,WAREHOUSE,ON_HAND,SOLD,WINDOW");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(low.value() + ",WH01,4,56,14,4.00,3,24.00,"));
  }

  @Test
  void storesAndListsSettings() {
    assertThat(run("replenish", "settings", "set", "--material", low.value(), "--warehouse", "WH01", "--lead-days", "14",
        "--pack-size", "25")).isZero();
    assertThat(run("replenish", "settings", "list")).isZero();
    assertThat(out.toString()).contains("stored settings of " + low.value() + " in WH01");
    assertThat(out.toString().lines().filter(l -> l.startsWith(low.value())).findFirst().orElseThrow().split("\\s+"))
        .containsExactly(low.value(), "WH01", "-", "14", "-", "-", "-", "-", "25", "-");

    // 2/day, 14 lead days: 2 × (14 + 14) + 6 − 4 = 58 → 3 packs of 25
    assertThat(run("replenish", "--material", low.value(), "--warehouse", "WH01", "--json")).isZero();
    assertThat(out.toString()).contains("\"reorderPoint\":34.00", "\"suggestedQuantity\":75");
  }

  @Test
  void checksAndListsAlerts() {
    assertThat(run("alerts", "--check")).isZero();
    assertThat(out.toString()).contains("opened ").contains(low.value());
    assertThat(run("alerts", "--all", "--json")).isZero();
    assertThat(out.toString()).contains("\"material\":\"" + low.value() + "\"", "\"status\":\"OPEN\"");
  }

  @Test
  void badValuesExitWithTwoAndOneLine() {
    assertThat(run("replenish", "--lead-days", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("lead-days must be between 0 and 365").hasLineCount(1);
    assertThat(run("replenish", "--material", "NO-SUCH-THING")).isEqualTo(2);
    assertThat(run("replenish", "settings", "set", "--material", low.value(), "--safety-days", "2", "--safety-qty", "3")).isEqualTo(2);
    assertThat(run("alerts", "--open", "--all")).isEqualTo(2);
    assertThat(run("replenish", "--window-days", "many")).isEqualTo(2);
    assertThat(run("replenish", "settings", "set", "--material", low.value())).isEqualTo(2);
    assertThat(err.toString()).contains("not both", "NO-SUCH-THING", "at least one setting").hasLineCount(6);
  }

  @Test
  void runsUnderTheBridgeCommandWithItsSpringRuntime() {
    CommandLine cli = new CommandLine(new BridgeCommand());
    // under names of their own: the root already has 'alerts' (operational alerts); these are 'stock alerts' / 'stock replenish'
    cli.addSubcommand("low-stock", new ReplenishmentCommands.Alerts());
    cli.addSubcommand("restock", new ReplenishmentCommands.Replenish());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(new ExecutionErrors());
    try {
      assertThat(cli.execute("--data", dir.toString(), "low-stock", "--json")).as(err.toString()).isZero();
    } finally {
      ((BridgeCommand) cli.getCommand()).close();
    }
    assertThat(out.toString().strip()).isEqualTo("{\"alerts\":[]}");
  }
}
