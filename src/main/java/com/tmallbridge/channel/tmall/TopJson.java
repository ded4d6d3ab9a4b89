package com.tmallbridge.channel.tmall;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channel's own JSON reader, independent of the application's mapper settings: decimals are
 * kept exact (BigDecimal, trailing zeros kept) so a trade object re-serialises without loss, and
 * trailing garbage after the root value is an error.
 */
final class TopJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private TopJson() {}

  /**
   * Reads JSON text into a tree.
   *
   * @throws JacksonException when the text is not one well-formed JSON value
   */
  static JsonNode read(String text) {
    return MAPPER.readTree(text);
  }

  /**
   * Reads JSON text that must hold an object.
   *
   * @throws IllegalArgumentException when it is not a well-formed JSON object
   */
  static JsonNode readObject(String text) {
    JsonNode node;
    try {
      node = read(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not well-formed JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("JSON text is not an object");
    }
    return node;
  }
}
