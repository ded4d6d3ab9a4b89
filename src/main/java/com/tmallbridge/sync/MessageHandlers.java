package com.tmallbridge.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The registered {@link MessageHandler}s by message type; two handlers for one type are a startup error. */
final class MessageHandlers {
  private final Map<String, MessageHandler> byType;

  MessageHandlers(Collection<? extends MessageHandler> handlers) {
    Map<String, MessageHandler> map = new HashMap<>();
    for (MessageHandler handler : handlers) {
      MessageHandler previous = map.putIfAbsent(handler.messageType(), handler);
      if (previous != null) {
        throw new IllegalStateException("two MessageHandlers for message type '" + handler.messageType() + "': "
            + previous.getClass().getName() + " and " + handler.getClass().getName());
      }
    }
    this.byType = Map.copyOf(map);
  }

  Optional<MessageHandler> forType(String messageType) {
    return Optional.ofNullable(byType.get(messageType));
  }
}
