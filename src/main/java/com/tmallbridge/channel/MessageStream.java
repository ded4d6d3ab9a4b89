package com.tmallbridge.channel;

import java.util.List;

/**
 * Real-time change messages from the channel (Tmall: TMC), delivered at least once and possibly
 * out of order, so that the bridge reads a trade or refund seconds after it changed instead of at
 * the next poll. Polling stays the catch-up path: a message only says "look again", the caller
 * fetches the full record and applies it like a polled one. Thread-safe.
 */
public interface MessageStream {

  /**
   * Whether this installation consumes messages at all ({@code bridge.channel.tmall.tmc.enabled}).
   * Callers start a stream only when true; {@link #start} works regardless.
   */
  boolean enabled();

  /**
   * Opens the message service for the seller of {@code shop} (TOP: taobao.tmc.user.permit).
   * Idempotent; call it when a shop is added or re-authorised.
   *
   * @param topics the topics this seller gets; empty for every topic the application subscribed
   *     (recommended: TOP replaces the seller's topic set with the list given)
   * @throws ChannelException when the channel refuses (kind PERMANENT) or fails after retries
   */
  void subscribe(ShopCredentials shop, List<String> topics);

  /**
   * Starts consuming the messages of every seller authorised to the application whose key and
   * secret {@code app} carries (one stream serves all shops of one app; tell them apart by
   * {@link ChannelMessage#userNick()}). Returns at once; messages arrive on the stream's own
   * threads, possibly several at a time. For each message {@code handler} returns normally to
   * confirm it, or throws to report a transient failure: the channel delivers it again later. A
   * message whose handler has not returned when the stream stops is not confirmed and comes again.
   * The stream reconnects by itself after the connection drops until it is closed.
   *
   * <p>When the channel refuses the application's credentials (TMC: a CONNECTACK with status 401,
   * such as {@code invalid sign}), {@code refusals} is told once per run of refusals, with a
   * {@link ChannelException} of kind {@link ChannelException.Kind#NEEDS_REAUTHORISATION}; the
   * stream keeps trying again with its back-off, so it recovers by itself when the refusal was
   * passing.
   *
   * @param app credentials of any shop of the application; its session is not used
   * @return the running stream; close it to stop
   */
  Connection start(ShopCredentials app, MessageHandler handler, RefusalListener refusals);

  /** Told when the channel refuses the credentials a stream connects with. */
  @FunctionalInterface
  interface RefusalListener {
    /** The credentials were refused; called on the stream's own thread, must not block for long. */
    void refused(ChannelException problem);
  }

  /** A running message stream. */
  interface Connection extends AutoCloseable {

    /** Whether the stream is currently able to receive messages (connected, or polling successfully). */
    boolean isConnected();

    /**
     * Stops receiving, waits briefly for handlers in progress and releases threads and the
     * connection. Messages not yet confirmed are delivered again by the channel. Idempotent.
     */
    @Override
    void close();
  }
}
