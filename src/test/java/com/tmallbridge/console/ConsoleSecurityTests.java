package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tmallbridge.audit.AuditAction;
import com.tmallbridge.audit.AuditEntry;
import com.tmallbridge.audit.AuditManagement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Login, failed logins, lockout, disabled users, password hashing and the security headers, with their audit entries. */
class ConsoleSecurityTests extends ConsoleWebTestBase {
  @Autowired AuditManagement audit;
  @Autowired PasswordEncoder encoder;

  @Test
  void aLoginSucceedsWithTheRightPasswordAndIsAuditedWithTheSourceAddress() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);

    mvc.perform(formLogin().user("olga").password(PASSWORD)).andExpect(authenticated().withUsername("olga").withRoles("OPERATOR"))
        .andExpect(redirectedUrl("/"));

    AuditEntry login = audit.entries(AuditAction.LOGIN, null, null, null, null, 10).get(0);
    assertThat(login.actor()).isEqualTo("olga");
    assertThat(login.source()).isEqualTo("127.0.0.1");
    assertThat(login.outcome()).isEqualTo("OK");
  }

  @Test
  void aWrongPasswordOrUnknownUserIsRefusedAndAudited() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);

    mvc.perform(formLogin().user("olga").password("wrong password!")).andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(formLogin().user("nobody").password(PASSWORD)).andExpect(unauthenticated());

    List<AuditEntry> failed = audit.entries(AuditAction.LOGIN_FAILED, null, null, null, null, 10);
    assertThat(failed).extracting(AuditEntry::actor).containsExactly("nobody", "olga");
    assertThat(failed).extracting(AuditEntry::source).containsOnly("127.0.0.1");
    assertThat(failed).extracting(AuditEntry::outcome).containsOnly("BAD_CREDENTIALS");
    assertThat(users.find("olga").orElseThrow().failedLogins()).isEqualTo(1);
  }

  @Test
  void threeFailuresInARowLockTheUserOutEvenWithTheRightPasswordUntilTheLockoutEnds() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    for (int i = 0; i < 3; i++) {
      mvc.perform(formLogin().user("olga").password("wrong password " + i)).andExpect(unauthenticated());
    }

    ConsoleUser locked = users.find("olga").orElseThrow();
    assertThat(locked.lockedUntil()).isNotNull();
    assertThat(locked.lockedUntil()).isAfter(Instant.now().plusSeconds(9 * 60)).isBefore(Instant.now().plusSeconds(11 * 60));
    mvc.perform(formLogin().user("olga").password(PASSWORD)).andExpect(unauthenticated());
    assertThat(audit.entries(AuditAction.LOGIN_FAILED, "olga", null, null, null, 10)).extracting(AuditEntry::outcome)
        .containsExactly("LOCKED", "LOCKED", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS");

    jdbc.sql("update console_user set locked_until = :past where username = 'olga'")
        .param("past", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC)).update();
    mvc.perform(formLogin().user("olga").password(PASSWORD)).andExpect(authenticated());
    assertThat(users.find("olga").orElseThrow().failedLogins()).isZero();
  }

  @Test
  void oneAddressIsThrottledAcrossUserNamesAfterTooManyFailuresWhileOtherAddressesLogIn() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    String attacker = "203.0.113.9";
    for (int i = 0; i < 12; i++) {
      mvc.perform(login("guess" + i, "wrong password " + i, attacker))
          .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }

    mvc.perform(login("olga", PASSWORD, attacker))
        .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?throttled"))
        .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")));
    mvc.perform(login("olga", PASSWORD, attacker)).andExpect(redirectedUrl("/login?throttled"));
    assertThat(users.find("olga").orElseThrow().failedLogins()).as("a throttled attempt checks no password").isZero();
    List<AuditEntry> throttled = audit.entries(AuditAction.LOGIN_FAILED, "olga", null, null, null, 10);
    assertThat(throttled).extracting(AuditEntry::outcome).as("recorded once a minute per address").containsExactly("THROTTLED");
    assertThat(throttled).extracting(AuditEntry::source).containsExactly(attacker);

    mvc.perform(login("olga", PASSWORD, "198.51.100.4")).andExpect(authenticated());
    mvc.perform(get("/login").param("throttled", "")).andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
            .string(org.hamcrest.Matchers.containsString("登录失败次数过多")));
  }

  /** A login form posted from {@code address}. */
  private static org.springframework.test.web.servlet.RequestBuilder login(String user, String password, String address) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login").param("username", user)
        .param("password", password)
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
        .with(request -> {
          request.setRemoteAddr(address);
          return request;
        });
  }

  @Test
  void aDisabledUserCannotLogIn() throws Exception {
    users.add("olga", Role.OPERATOR, ShopScope.everyShop(), PASSWORD);
    users.disable("olga");

    mvc.perform(formLogin().user("olga").password(PASSWORD)).andExpect(unauthenticated());
    assertThat(audit.entries(AuditAction.LOGIN_FAILED, "olga", null, null, null, 10)).extracting(AuditEntry::outcome)
        .containsExactly("DISABLED");
  }

  @Test
  void passwordsAreStoredAsBcryptHashesAndNeverInTheAuditLog() {
    users.add("olga", Role.AUDITOR, ShopScope.everyShop(), PASSWORD);
    users.changePassword("olga", "another long password");

    String hash = jdbc.sql("select password_hash from console_user where username = 'olga'").query(String.class).single();
    assertThat(hash).startsWith("{bcrypt}$2a$");
    assertThat(encoder.matches("another long password", hash)).isTrue();
    assertThat(audit.entries(AuditAction.USER_CHANGE, null, "user:olga", null, null, 10))
        .allSatisfy(e -> assertThat(e.before() + " " + e.after()).doesNotContain(PASSWORD).doesNotContain("another long password"));
  }

  @Test
  void aShortPasswordOrATakenNameIsRefused() {
    users.add("olga", Role.AUDITOR, ShopScope.everyShop(), PASSWORD);

    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> users.add("olga", Role.AUDITOR, ShopScope.everyShop(), PASSWORD)).withMessageContaining("exists");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> users.add("ivan", Role.AUDITOR, ShopScope.everyShop(), "short")).withMessageContaining("12");
  }

  @Test
  void theFirstAdminIsCreatedOnlyOnAnEmptyUserTable() throws Exception {
    String password = users.createFirstAdmin().orElseThrow();
    assertThat(password).hasSize(20);
    assertThat(users.createFirstAdmin()).isEmpty();

    mvc.perform(formLogin().user("admin").password(password)).andExpect(authenticated().withRoles("ADMIN"));
  }

  @Test
  void pagesCarryTheSecurityHeadersAndAnonymousUsersAreSentToTheLogin() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", ConsoleSecurity.CSP))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Referrer-Policy", "same-origin"));
    mvc.perform(get("/orders")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
  }
}
