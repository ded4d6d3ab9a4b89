package com.tmallbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.testsupport.H2Only;
import com.tmallbridge.testsupport.SpringDatabaseTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A command-line process ({@code spring.main.web-application-type=none}, the default) loads none of
 * the console's web, security, view, metrics-export or OpenAPI (springdoc) auto-configuration, but can manage users.
 */
@SpringBootTest
@H2Only("checks which auto-configuration a command-line context loads; managing users on PostgreSQL is in UsersScreenTests and ConsoleSecurityTests")
class CommandLineContextTests extends SpringDatabaseTestBase {
  @Autowired ApplicationContext context;

  @Test
  void noWebServerSecurityChainTemplateEngineOrPrometheusRegistryIsCreated() {
    assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
    assertThat(context.getBeanNamesForType(org.thymeleaf.spring6.SpringTemplateEngine.class)).isEmpty();
    assertThat(context.getBeanNamesForType(io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class)).isEmpty();
    assertThat(context.getBeanNamesForType(org.springframework.web.servlet.DispatcherServlet.class)).isEmpty();
    assertThat(context.getBeanNamesForType(org.springdoc.core.properties.SpringDocConfigProperties.class)).as("springdoc not loaded").isEmpty();
    assertThat(context.getBeanNamesForType(io.swagger.v3.oas.models.OpenAPI.class)).isEmpty();
    assertThat(context.getBean(UserManagement.class)).isNotNull();
  }
}
