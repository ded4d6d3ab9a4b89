package com.tmallbridge.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Leaves a {@link DatabaseTest} class (a {@link SpringDatabaseTestBase} subclass is one) out of the
 * PostgreSQL pass of {@code mvn verify}: it still runs on H2 in the first pass. For a class whose
 * assertions do not depend on the database, only on what sits in front of it (a browser, the
 * security rules, an OpenAPI document, the same flow already run on PostgreSQL by another class);
 * every class that writes or queries rows in a way that could differ between H2 and PostgreSQL
 * (repositories, migrations, outbox and inbox, stock, reconciliation, reports, the crash test)
 * stays in both passes. {@link #value} says why PostgreSQL adds nothing, so that a reviewer can
 * check it. The Surefire execution {@code postgres} in pom.xml excludes the tag {@code h2-only}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("h2-only")
public @interface H2Only {
  /** Why the class's outcome does not depend on the database, e.g. where its queries run on PostgreSQL instead. */
  String value();
}
