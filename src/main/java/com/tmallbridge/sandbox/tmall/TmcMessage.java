package com.tmallbridge.sandbox.tmall;

import java.time.Instant;

/**
 * One TMC message as TOP delivers it: id (to confirm), topic, JSON content, publish time (sandbox
 * clock), the seller it belongs to, and the id of the trade or refund it is about.
 */
record TmcMessage(
    long id, String topic, String content, Instant pubTime, long userId, String userNick, long dataId) {

  TmcMessage withId(long newId) {
    return new TmcMessage(newId, topic, content, pubTime, userId, userNick, dataId);
  }
}
