package com.tmallbridge.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Gives every test method of a Spring database test class the database as Flyway leaves it: {@link
 * MigratedState#restore} runs before each test method and once more after the class, so the class
 * after it that shares the cached application context starts from the same state. Use it instead
 * of {@code @DirtiesContext(classMode = AFTER_EACH_TEST_METHOD)}, which builds a whole application
 * context (and, for a {@link SpringDatabaseTestBase}, a database) per test method.
 *
 * <p>Only the database is reset. Beans keep what they remember in memory between test methods, as
 * they do in the running bridge; a test that needs a bean's state fresh creates its own instance.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestExecutionListeners(listeners = CleanDatabaseListener.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface CleanDatabase {}
