package com.tmallbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of a test's in-process {@code bridge} runs, written to a {@code --config} file as a user
 * would, never as system properties: those are JVM-wide, and classes marked {@code @RunsAlongside}
 * run in the same JVM at the same time.
 */
final class TestSettings {
  private TestSettings() {}

  /** The file {@code dir/test-settings.properties} holding {@code lines} (written once), as the value of {@code --config}. */
  static String file(Path dir, String... lines) {
    Path f = dir.resolve("test-settings.properties");
    try {
      if (!Files.exists(f)) {
        Files.writeString(f, String.join("\n", lines) + "\n");
      }
      return f.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
