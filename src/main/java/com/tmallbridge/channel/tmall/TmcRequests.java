package com.tmallbridge.channel.tmall;

import java.util.Collection;
import java.util.List;

/** Builds the requests of TOP's message-service APIs (taobao.tmc.user.permit, messages.consume/confirm). */
final class TmcRequests {
  static final String USER_PERMIT = "taobao.tmc.user.permit";
  static final String MESSAGES_CONSUME = "taobao.tmc.messages.consume";
  static final String MESSAGES_CONFIRM = "taobao.tmc.messages.confirm";
  /** messages.confirm takes at most this many ids. */
  static final int MAX_CONFIRM_IDS = 200;

  private TmcRequests() {}

  /** Opens the message service for the session's seller; no topics means every topic of the app. */
  static TopRequest userPermit(List<String> topics) {
    TopRequest request = TopRequest.of(USER_PERMIT);
    return topics.isEmpty() ? request : request.with("topics", String.join(",", topics));
  }

  /** Takes up to {@code quantity} (10-200) messages of the group; null group = the default group. */
  static TopRequest consume(String groupName, boolean defaultGroup, int quantity) {
    TopRequest request = TopRequest.of(MESSAGES_CONSUME).with("quantity", quantity);
    return defaultGroup ? request : request.with("group_name", groupName);
  }

  /** Confirms up to {@value #MAX_CONFIRM_IDS} processed messages. */
  static TopRequest confirm(String groupName, boolean defaultGroup, Collection<String> ids) {
    if (ids.isEmpty() || ids.size() > MAX_CONFIRM_IDS) {
      throw new IllegalArgumentException("messages.confirm takes 1-" + MAX_CONFIRM_IDS + " ids, got " + ids.size());
    }
    TopRequest request = TopRequest.of(MESSAGES_CONFIRM).with("s_message_ids", String.join(",", ids));
    return defaultGroup ? request : request.with("group_name", groupName);
  }
}
