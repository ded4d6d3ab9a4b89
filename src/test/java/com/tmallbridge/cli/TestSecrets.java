package com.tmallbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Secrets for {@code shop add} in tests, written to files as a user would (never as arguments). */
final class TestSecrets {
  private TestSecrets() {}

  /** A new file in {@code dir} holding {@code secret}, as its path. */
  static String file(Path dir, String secret) {
    try {
      Path f = Files.createTempFile(dir, "secret", ".txt");
      Files.writeString(f, secret + "\n");
      return f.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
