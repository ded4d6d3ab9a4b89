package com.tmallbridge.channel.tmall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Reads test fixtures from {@code src/test/resources/fixtures/tmall/<api>/<case>}. */
final class Fixtures {
  private Fixtures() {}

  static String text(String path) {
    String resource = "/fixtures/tmall/" + path;
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The response object of a successful fixture (wrapped or simplify form). */
  static TopResponse response(String path, boolean simplify) {
    return TopEnvelopeParser.parse("test", text(path), simplify);
  }

  /** The first element of the list {@code listName} in a wrapped fixture. */
  static JsonNode firstOf(String path, String listName) {
    return response(path, false).list(listName).get(0);
  }
}
