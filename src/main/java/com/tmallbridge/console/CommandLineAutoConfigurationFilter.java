package com.tmallbridge.console;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps the command line as light as it was before the console: when the process is not a web
 * application ({@code spring.main.web-application-type=none}, the default of every command but
 * {@code serve}), the auto-configuration of the web server, Spring MVC, Spring Security, Thymeleaf,
 * the actuator, Micrometer's registries and springdoc (the API's OpenAPI document) is not even evaluated. {@code serve} (and tests of the
 * console) set {@code spring.main.web-application-type=servlet}, which loads all of it.
 */
public class CommandLineAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {
  /** Packages of auto-configuration that only a web process needs. */
  static final List<String> WEB_ONLY = List.of(
      "org.springframework.boot.actuate.",
      "org.springframework.boot.health.",
      "org.springframework.boot.micrometer.",
      "org.springframework.boot.security.",
      "org.springframework.boot.thymeleaf.",
      "org.springframework.boot.webmvc.",
      "org.springframework.boot.servlet.",
      "org.springframework.boot.tomcat.",
      "org.springframework.boot.web.server.",
      "org.springdoc.");

  private @Nullable Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public boolean[] match(@Nullable String[] candidates, AutoConfigurationMetadata metadata) {
    boolean web = environment != null
        && !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", "none"));
    boolean[] keep = new boolean[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      String candidate = candidates[i];
      keep[i] = web || candidate == null || WEB_ONLY.stream().noneMatch(candidate::startsWith);
    }
    return keep;
  }
}
