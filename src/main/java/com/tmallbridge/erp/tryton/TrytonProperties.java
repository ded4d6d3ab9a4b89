package com.tmallbridge.erp.tryton;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Tryton connector ({@code bridge.erp.tryton.*}), checked when bound: an invalid
 * value stops the application with a message naming the key. {@link #toString()} never shows the
 * password.
 *
 * @param url the server's base URL, e.g. {@code http://127.0.0.1:8000/}
 * @param database the Tryton database name
 * @param user the login of the bridge's Tryton user (needs a company and the sale, stock and product groups)
 * @param password its password
 * @param warehouses bridge warehouse code → Tryton warehouse location code; a Tryton warehouse not
 *     listed keeps its own code (default: none, every code as in Tryton)
 * @param units bridge unit → Tryton unit-of-measure symbol (default {@code pcs → u})
 * @param connectTimeout TCP connect timeout (default 5 s)
 * @param readTimeout time allowed for one whole answer (default 60 s)
 * @param pageSize rows per page of reads and of {@code code in [...]} lookups, 1-1000 (default 200)
 * @param zone time zone of sale dates (default {@code Asia/Shanghai})
 * @param customerParty code of one Tryton party every sale goes to (e.g. a walk-in customer
 *     {@code TMALL-RETAIL}, as many merchants book shop sales), instead of one party per buyer; the
 *     buyer's receiver is still kept as an address of that party. Unset by default
 * @param company id of the Tryton company (the organisation) the bridge books in, for a user of
 *     several companies; it must be one of the user's companies. Unset: the user's current company
 * @param voucherJournal code of the Tryton journal ({@code account.journal}) vouchers are posted in
 *     (default {@code TMALL}); it must exist, with a sequence
 */
@ConfigurationProperties("bridge.erp.tryton")
record TrytonProperties(
    URI url,
    String database,
    String user,
    String password,
    Map<String, String> warehouses,
    Map<String, String> units,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("60s") Duration readTimeout,
    @DefaultValue("200") int pageSize,
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @Nullable String customerParty,
    @Nullable Long company,
    @DefaultValue("TMALL") String voucherJournal) {

  TrytonProperties {
    if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw invalid("url", "must be an http(s) URL, got " + url);
    }
    required("database", database);
    required("user", user);
    required("password", password);
    warehouses = warehouses == null ? Map.of() : Map.copyOf(warehouses);
    units = units == null || units.isEmpty() ? Map.of("pcs", "u") : Map.copyOf(units);
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw invalid("connectTimeout", "must be a positive duration, got " + connectTimeout);
    }
    if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
      throw invalid("readTimeout", "must be a positive duration, got " + readTimeout);
    }
    if (pageSize < 1 || pageSize > 1000) {
      throw invalid("pageSize", "must be between 1 and 1000, got " + pageSize);
    }
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    if (customerParty != null && customerParty.isBlank()) {
      customerParty = null;
    }
    if (company != null && company <= 0) {
      throw invalid("company", "must be a positive Tryton company id, got " + company);
    }
    voucherJournal = voucherJournal == null || voucherJournal.isBlank() ? "TMALL" : voucherJournal;
  }

  /** These settings selling every order to the party with {@code code}. */
  TrytonProperties withCustomerParty(String code) {
    return new TrytonProperties(url, database, user, password, warehouses, units, connectTimeout, readTimeout, pageSize, zone, code, company, voucherJournal);
  }

  /** These settings booking in the company with {@code id}. */
  TrytonProperties withCompany(long id) {
    return new TrytonProperties(url, database, user, password, warehouses, units, connectTimeout, readTimeout, pageSize, zone, customerParty, id, voucherJournal);
  }

  /** Settings with the defaults for everything but the connection. */
  static TrytonProperties of(URI url, String database, String user, String password, Map<String, String> warehouses) {
    return new TrytonProperties(url, database, user, password, warehouses, Map.of(), Duration.ofSeconds(5),
        Duration.ofSeconds(60), 200, ZoneId.of("Asia/Shanghai"), null, null, "TMALL");
  }

  @Override
  public String toString() {
    return "TrytonProperties[url=" + url + ", database=" + database + ", user=" + user + ", password=****, warehouses="
        + warehouses + ", units=" + units + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", pageSize=" + pageSize + ", zone=" + zone + ", customerParty=" + customerParty + ", company=" + company + ", voucherJournal=" + voucherJournal + "]";
  }

  private static void required(String key, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(key, "is required");
    }
  }

  private static IllegalArgumentException invalid(String key, String problem) {
    return new IllegalArgumentException("bridge.erp.tryton." + key + " " + problem);
  }
}
