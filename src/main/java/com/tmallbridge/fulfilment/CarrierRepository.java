package com.tmallbridge.fulfilment;

import com.tmallbridge.channel.CarrierCompany;
import com.tmallbridge.core.ShopId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cached Tmall carrier list per shop and the ERP carrier mapping. */
@Repository
class CarrierRepository {
  static final String SEEDED = "SEEDED";
  static final String OPERATOR = "OPERATOR";

  private static final String SELECT_MAPPINGS = """
      select s.code shop_code, m.erp_carrier, m.company_code, c.name company_name, m.source
        from fulfilment_carrier m join shop s on s.id = m.shop_id
        left join fulfilment_company c on c.shop_id = m.shop_id and c.code = m.company_code""";

  private final JdbcClient jdbc;

  CarrierRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<CarrierCompany> companies(ShopId shop) {
    return jdbc.sql("select code, name, tracking_pattern from fulfilment_company where shop_id = :shop order by code")
        .param("shop", shop.value())
        .query((rs, n) -> new CarrierCompany(rs.getString("code"), rs.getString("name"), rs.getString("tracking_pattern"), null))
        .list();
  }

  /** When the shop's company list was fetched, empty when never. */
  Optional<Instant> companiesFetchedAt(ShopId shop) {
    List<Optional<Instant>> oldest = jdbc.sql("select min(fetched_at) fetched_at from fulfilment_company where shop_id = :shop")
        .param("shop", shop.value()).query((rs, n) -> Optional.ofNullable(Db.instant(rs, "fetched_at"))).list();
    return oldest.isEmpty() ? Optional.empty() : oldest.get(0);
  }

  void replaceCompanies(ShopId shop, List<CarrierCompany> companies, Instant now) {
    jdbc.sql("delete from fulfilment_company where shop_id = :shop").param("shop", shop.value()).update();
    for (CarrierCompany c : companies.stream().filter(c -> !c.code().isBlank()).distinct().toList()) {
      if (jdbc.sql("select count(*) from fulfilment_company where shop_id = :shop and code = :code").param("shop", shop.value())
          .param("code", c.code()).query(Long.class).single() > 0) {
        continue;
      }
      jdbc.sql("""
          insert into fulfilment_company (shop_id, code, name, tracking_pattern, fetched_at)
          values (:shop, :code, :name, :pattern, :now)""")
          .param("shop", shop.value()).param("code", c.code()).param("name", truncate(c.name(), 100))
          .param("pattern", c.trackingNoPattern() == null ? null : truncate(c.trackingNoPattern(), 1000)).param("now", Db.ts(now))
          .update();
    }
  }

  Optional<String> mapping(ShopId shop, String erpCarrier) {
    return jdbc.sql("select company_code from fulfilment_carrier where shop_id = :shop and erp_carrier = :carrier")
        .param("shop", shop.value()).param("carrier", erpCarrier).query(String.class).optional();
  }

  /**
   * Sets a mapping; a {@link #SEEDED} one never replaces an operator's. Safe when several threads
   * map the same carrier at once (write-backs are delivered side by side): the insert gives way to
   * a row another thread inserted first, and the update's rule is part of its statement.
   */
  void map(ShopId shop, String erpCarrier, String companyCode, String source, Instant now) {
    int inserted = jdbc.sql("""
        insert into fulfilment_carrier (shop_id, erp_carrier, company_code, source, updated_at)
        values (:shop, :carrier, :code, :source, :now)
        on conflict do nothing""")
        .param("shop", shop.value()).param("carrier", erpCarrier).param("code", companyCode).param("source", source)
        .param("now", Db.ts(now)).update();
    if (inserted == 0) {
      // an operator's mapping replaces any; any other replaces only one that is not an operator's
      String keep = OPERATOR.equals(source) ? "" : " and source <> :operator";
      jdbc.sql("""
          update fulfilment_carrier set company_code = :code, source = :source, updated_at = :now
           where shop_id = :shop and erp_carrier = :carrier""" + keep)
          .param("shop", shop.value()).param("carrier", erpCarrier).param("code", companyCode).param("source", source)
          .param("operator", OPERATOR).param("now", Db.ts(now)).update();
    }
  }

  List<CarrierMapping> mappings(@Nullable ShopId shop) {
    String where = shop == null ? "" : " where m.shop_id = :shop";
    var spec = jdbc.sql(SELECT_MAPPINGS + where + " order by s.code, m.erp_carrier");
    if (shop != null) {
      spec = spec.param("shop", shop.value());
    }
    return spec.query((rs, n) -> new CarrierMapping(rs.getString("shop_code"), rs.getString("erp_carrier"), rs.getString("company_code"),
        rs.getString("company_name"), rs.getString("source"))).list();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
