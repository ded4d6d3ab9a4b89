package com.tmallbridge.finance;

import java.util.EnumMap;
import java.util.Map;

/**
 * The posting rules in force for one shop: for each {@link PostingKind}, the shop's own rule or
 * else the default.
 *
 * @param rules one rule per kind, every kind present
 */
public record PostingScheme(Map<PostingKind, PostingRule> rules) {

  public PostingScheme {
    EnumMap<PostingKind, PostingRule> copy = new EnumMap<>(PostingKind.class);
    copy.putAll(rules);
    for (PostingKind kind : PostingKind.values()) {
      if (!copy.containsKey(kind)) {
        throw new IllegalArgumentException("the posting scheme has no rule for " + kind);
      }
    }
    rules = java.util.Collections.unmodifiableMap(copy);
  }

  /** The rule of {@code kind}. */
  public PostingRule rule(PostingKind kind) {
    return rules.get(kind);
  }
}
