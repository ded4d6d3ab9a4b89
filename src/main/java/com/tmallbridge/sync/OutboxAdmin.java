package com.tmallbridge.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The operator's view of the outbox: list, count, retry. */
public interface OutboxAdmin {

  /** Messages with the given status, oldest first, at most {@code limit}. */
  List<OutboxEntry> list(OutboxStatus status, int limit);

  /** One message. */
  Optional<OutboxEntry> find(UUID id);

  /** Number of messages per status (statuses with none may be absent). */
  Map<OutboxStatus, Long> counts();

  /**
   * Makes a BLOCKED or FAILED message PENDING and due now, with its attempt count reset.
   *
   * @return false when the message does not exist or is in another status
   */
  boolean retry(UUID id);

  /** Retries every BLOCKED message; returns how many. */
  int retryAllBlocked();

  /** Messages for one aggregate, newest first. */
  List<OutboxEntry> forAggregate(String aggregateType, String aggregateId);

  /**
   * Whether a message of {@code aggregateType} is still to be delivered: PENDING, IN_FLIGHT or
   * FAILED (waiting for a retry). The default lists those statuses; the JDBC outbox asks the
   * database for one such row and reads nothing else.
   */
  default boolean anyUndelivered(String aggregateType) {
    for (OutboxStatus status : List.of(OutboxStatus.PENDING, OutboxStatus.IN_FLIGHT, OutboxStatus.FAILED)) {
      if (list(status, Integer.MAX_VALUE).stream().anyMatch(e -> aggregateType.equals(e.aggregateType()))) {
        return true;
      }
    }
    return false;
  }
}
