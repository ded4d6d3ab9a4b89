package com.tmallbridge.audit;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Who is acting on the current thread: the actor set by {@link #as} (the console sets the
 * signed-in user for each request), otherwise the operating-system user of this process
 * ({@link Actor#commandLine()}), which is who runs a command-line command.
 */
@Component
public class ActorContext {
  private final ThreadLocal<Actor> current = new ThreadLocal<>();
  private final Actor process = Actor.commandLine();

  /** The actor of the current thread. */
  public Actor current() {
    Actor actor = current.get();
    return actor != null ? actor : process;
  }

  /** Runs {@code work} as {@code actor} on this thread and returns its result; the previous actor is restored after. */
  public <T> T as(Actor actor, Supplier<T> work) {
    Actor previous = current.get();
    current.set(actor);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        current.remove();
      } else {
        current.set(previous);
      }
    }
  }
}
