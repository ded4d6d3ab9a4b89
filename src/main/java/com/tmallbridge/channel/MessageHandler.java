package com.tmallbridge.channel;

/**
 * Processes one channel message. Must be idempotent: the same message may come more than once, and
 * messages of one trade may come out of order.
 */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Handles a message. Returning normally confirms it to the channel; throwing reports a transient
   * failure and the channel delivers it again later. Throw only for failures a retry can fix (a
   * database or network outage); a message that can never be processed should be recorded and
   * confirmed.
   */
  void handle(ChannelMessage message) throws Exception;
}
