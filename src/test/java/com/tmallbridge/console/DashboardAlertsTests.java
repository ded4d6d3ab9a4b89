package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.tmallbridge.alert.AlertManagement;
import com.tmallbridge.shop.Shop;
import com.tmallbridge.store.BackupRun;
import com.tmallbridge.store.BackupRuns;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's open alerts: listed with their kind in the user's language, within the user's shops. */
class DashboardAlertsTests extends ConsoleWebTestBase {
  @Autowired AlertManagement alerts;
  @Autowired BackupRuns backups;

  private String dashboard(ConsolePrincipal principal, String lang) throws Exception {
    return mvc.perform(get("/").param("lang", lang).with(user(principal))).andReturn().getResponse().getContentAsString();
  }

  @Test
  void listsTheOpenAlertsOfTheUsersShops() throws Exception {
    Shop lost = shop("TM01");
    Shop fine = shop("TM02");
    shops.markNeedsReauthorisation(lost.id(), "TOP error 27: Invalid session");
    Instant now = appClock.instant();
    backups.record(new BackupRun(now, now, false, "/backups/b1", "IOException: disk full"));
    alerts.evaluate();

    assertThat(dashboard(principal(Role.ADMIN), "en")).contains("id=\"open-alerts\"", "Shop needs re-authorisation", "TM01",
        "TOP error 27: Invalid session", "Backup failed", "disk full");
    assertThat(dashboard(principal(Role.ADMIN), "zh_CN")).contains("店铺需重新授权", "备份失败");
    assertThat(dashboard(principal("ops2", Role.OPERATOR, ShopScope.only(only(fine))), "en"))
        .contains("No open alerts.").doesNotContain("TM01 (", "disk full");
    assertThat(dashboard(principal("ops1", Role.OPERATOR, ShopScope.only(only(lost))), "en"))
        .contains("Shop needs re-authorisation").doesNotContain("disk full");
  }

  @Test
  void saysSoWhenThereIsNoOpenAlert() throws Exception {
    alerts.evaluate();

    assertThat(dashboard(principal(Role.AUDITOR), "en")).contains("Open alerts", "No open alerts.").doesNotContain("id=\"open-alerts\"");
  }
}
