package com.tmallbridge.channel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

  /**
   * Handles a message and says later how it went: the stage completes normally to confirm it, or
   * exceptionally to have it delivered again, exactly as {@link #handle} returns or throws. A
   * handler that gathers messages (to read many trades with one call) overrides this and returns
   * at once, so that the stream's threads go on with the next message; the stream confirms each
   * message when its stage completes and bounds how many stages may be pending. The default runs
   * {@link #handle} on the calling thread.
   */
  default CompletionStage<Void> handleAsync(ChannelMessage message) {
    try {
      handle(message);
      return CompletableFuture.completedFuture(null);
    } catch (Exception | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Told when the stream failed a message back to the channel without handing it to this handler
   * (its local queue was full: the bridge is busy); the channel delivers it again later, as after
   * a failed {@link #handleAsync}. Called on the stream's own thread; must be quick and must not
   * throw. The default does nothing.
   */
  default void failedBack(ChannelMessage message) {}
}
