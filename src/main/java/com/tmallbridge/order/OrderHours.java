package com.tmallbridge.order;

import java.time.Instant;
import java.util.List;

/**
 * Order counts hour by hour from a start (the console's chart of today).
 *
 * @param from start of the first hour
 * @param received per hour, trades first seen in it; one entry per hour
 * @param exported per hour, trades that reached the ERP in it; as many entries as {@code received}
 */
public record OrderHours(Instant from, List<Long> received, List<Long> exported) {
  public OrderHours {
    received = List.copyOf(received);
    exported = List.copyOf(exported);
    if (received.size() != exported.size()) {
      throw new IllegalArgumentException("received and exported cover the same hours");
    }
  }
}
