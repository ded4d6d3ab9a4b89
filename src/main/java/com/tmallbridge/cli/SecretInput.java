package com.tmallbridge.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads a secret (an app secret, a session key, a password) without it ever being a command-line
 * argument, which {@code ps} and the shell history show to anyone on the machine: from the file a
 * {@code --…-file} option names (its first line), else from an environment variable, else from a
 * prompt on the terminal with echo off. With none of them it stops the command with exit 2 and a
 * line that says how to give it.
 */
final class SecretInput {
  private final Function<String, @Nullable String> environment;
  private final Supplier<@Nullable Console> console;

  SecretInput(Function<String, @Nullable String> environment, Supplier<@Nullable Console> console) {
    this.environment = environment;
    this.console = console;
  }

  /** The process's environment and terminal. */
  static SecretInput system() {
    return new SecretInput(System::getenv, System::console);
  }

  /**
   * @param what what the secret is, for the prompt and errors ("the app secret")
   * @param fileOption the option that names a file, e.g. {@code --app-secret-file}
   * @param file its value, or null
   * @param variable the environment variable read when no file is given, e.g. {@code TMALL_APP_SECRET}
   * @throws IllegalArgumentException (exit 2) when the file cannot be read or is empty, or nothing gives the secret
   */
  String read(String what, String fileOption, @Nullable Path file, String variable) {
    if (file != null) {
      String value;
      try {
        value = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
      } catch (IOException e) {
        throw new IllegalArgumentException(fileOption + " " + file + " cannot be read: " + e.getMessage());
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException(fileOption + " " + file + " is empty: its first line must hold " + what);
      }
      return value;
    }
    String fromEnvironment = environment.apply(variable);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    Console terminal = console.get();
    if (terminal != null) {
      char[] typed = terminal.readPassword("%s: ", capitalised(what));
      if (typed != null && typed.length > 0) {
        return new String(typed).strip();
      }
    }
    throw new IllegalArgumentException(what + " is missing: set " + variable + " or name a file with " + fileOption
        + " (secrets are not taken as command-line arguments, which ps and the shell history show)");
  }

  /**
   * Refuses a secret given as a command-line argument, naming the ways to give it instead.
   *
   * @throws IllegalArgumentException (exit 2) when {@code value} is not null
   */
  static void refuseArgument(@Nullable String value, String option, String fileOption, String variable) {
    if (value != null) {
      throw new IllegalArgumentException(option + " is refused: a secret on the command line is visible in ps and the shell history;"
          + " set " + variable + ", name a file with " + fileOption + ", or leave both out to be asked");
    }
  }

  private static String capitalised(String what) {
    return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }
}
