package com.tmallbridge.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Leaves a {@link DatabaseTest} class out of the H2 pass of {@code mvn verify}: it runs on
 * PostgreSQL only, in the second pass. For a long class whose H2 run CI already makes another way
 * (the smoke {@code ./bridge demo} in {@code .ci/run} is the demo on H2, from the packaged jar);
 * {@link #value} says where, so that a reviewer can check it. The default Surefire execution in
 * pom.xml excludes the tag {@code postgres-only} through the property {@code bridge.test.h2.excluded};
 * to run such a class on H2 anyway: {@code mvn test -Dtest=TheClass -Dbridge.test.h2.excluded=none}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres-only")
public @interface PostgresOnly {
  /** Where CI runs what the class checks on H2 instead. */
  String value();
}
