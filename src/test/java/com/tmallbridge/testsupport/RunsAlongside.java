package com.tmallbridge.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs a test class in a second lane, beside the classes that run one after another in the test
 * JVM's main lane: classes so marked run one at a time (they share the lock {@value #LANE}), their
 * methods in order, each while the main lane goes on with the rest. For classes that spend their
 * time waiting for another process — the shared Tryton server, a bridge child JVM killed with
 * SIGKILL — or on CPU of their own, so that the two lanes together keep both of CI's cores busy.
 *
 * <p>A class may run alongside only when nothing it touches is touched by another class at the
 * same time:
 * <ul>
 *   <li>no Spring context from the test context cache (no {@code @SpringBootTest}, no {@link
 *       SpringDatabaseTestBase}): the cache keeps only a few contexts and would close one in use
 *       while the main lane loads others;</li>
 *   <li>no JVM-wide state: no {@code System.setProperty}, no default locale or time zone, no
 *       capture of standard output (no test of this suite sets them; settings go into a {@code
 *       --config} file or a context's own properties). Logging is JVM-wide too: applications
 *       started in-process may run alongside because the test JVM's {@link
 *       SerialLogbackLoggingSystem} sets up and clears Logback's one context under a lock;</li>
 *   <li>its own data: a temporary directory, ports chosen by the system, and the Tryton server
 *       only from this lane — every class that uses Tryton runs alongside, so two never share it at
 *       once.</li>
 * </ul>
 * Enabled by {@code junit-platform.properties} (parallel execution on, every other class in the
 * main lane). {@link #value} says what the class waits for or why it may run beside others.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(RunsAlongside.LANE)
public @interface RunsAlongside {
  /** The lock that lets one class of the second lane run at a time. */
  String LANE = "tmallbridge.second-lane";

  /** What the class spends its time on, and why it can share the machine with the main lane. */
  String value();
}
