package com.tmallbridge.sandbox.tmall;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The app's message queues, one per group. Sellers permitted with {@code taobao.tmc.user.permit}
 * get the events of the topics they subscribed to (all when none given) into their group's queue.
 * A taken message is in flight until confirmed; failed or unconfirmed messages come again after
 * {@link TmcSettings#redeliveryTimeout()} (measured in real time). Duplicates, reordering and lost
 * deliveries are injected as the settings say. Thread-safe.
 */
final class TmcHub {
  static final String DEFAULT_GROUP = "default";

  /** A seller permitted for TMC. */
  record User(
      String nick, long userId, String group, Set<String> topics, Instant created, Instant modified) {}

  private record InFlight(TmcMessage message, long deadlineNanos) {}

  private static final class GroupQueue {
    final Deque<TmcMessage> ready = new ArrayDeque<>();
    final Map<Long, InFlight> inFlight = new LinkedHashMap<>();
  }

  private final Clock clock;
  private final LongSupplier nanos;
  private final SplittableRandom random;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, GroupQueue> groups = new HashMap<>();
  /** The counters {@link #counters()} reports, ready and in flight aside. */
  private static final List<String> COUNTERS =
      List.of("published", "duplicated", "delivered", "redelivered", "dropped", "confirmed", "failed");

  private final Map<String, Long> counters = new TreeMap<>();
  private TmcSettings settings;
  private long nextId = 4_011_400_000_000_000_000L;

  TmcHub(Clock clock, LongSupplier nanos, long seed, TmcSettings settings) {
    this.clock = clock;
    this.nanos = nanos;
    this.random = new SplittableRandom(seed ^ 0x7AC0_5EEDL);
    this.settings = settings;
  }

  synchronized TmcSettings settings() {
    return settings;
  }

  synchronized void settings(TmcSettings newSettings) {
    this.settings = newSettings;
    notifyAll();
  }

  /**
   * Permits a seller (again): topics overwrite the previous set, empty means all; the group is
   * kept, {@code default} for a new user.
   */
  synchronized User permit(String nick, Set<String> topics) {
    Instant now = TopTime.seconds(clock.instant());
    User old = users.get(nick);
    User user =
        new User(
            nick,
            userId(nick),
            old == null ? DEFAULT_GROUP : old.group(),
            Set.copyOf(topics),
            old == null ? now : old.created(),
            now);
    users.put(nick, user);
    return user;
  }

  synchronized Optional<User> user(String nick) {
    return Optional.ofNullable(users.get(nick));
  }

  /** Stops a seller's messages; false when the seller was not permitted. */
  synchronized boolean cancel(String nick) {
    return users.remove(nick) != null;
  }

  /** Moves a permitted seller's future messages to another group. */
  synchronized void assignGroup(String nick, String group) {
    User user = users.get(nick);
    if (user == null) {
      throw new IllegalArgumentException("seller " + nick + " is not permitted for TMC");
    }
    users.put(
        nick,
        new User(nick, user.userId(), group, user.topics(), user.created(), user.modified()));
  }

  /** Whether the group exists: the default one, or one a permitted seller belongs to. */
  synchronized boolean knowsGroup(String group) {
    return DEFAULT_GROUP.equals(group)
        || groups.containsKey(group)
        || users.values().stream().anyMatch(u -> u.group().equals(group));
  }

  /** Queues an event for the seller if permitted for the topic; may queue it twice. */
  synchronized void publish(String nick, String topic, String content, long dataId) {
    User user = users.get(nick);
    if (user == null || !(user.topics().isEmpty() || user.topics().contains(topic))) {
      return;
    }
    TmcMessage message =
        new TmcMessage(
            nextId++, topic, content, clock.instant(), user.userId(), nick, dataId);
    GroupQueue queue = queue(user.group());
    queue.ready.addLast(message);
    count("published");
    if (settings.duplicateRate() > 0 && random.nextDouble() < settings.duplicateRate()) {
      queue.ready.addLast(message.withId(nextId++));
      count("duplicated");
    }
    notifyAll();
  }

  /**
   * Takes up to {@code max} messages of the group for delivery; they are in flight until
   * confirmed. Lost deliveries are taken but not returned.
   */
  synchronized List<TmcMessage> take(String group, int max) {
    GroupQueue queue = queue(group);
    requeueExpired(queue);
    List<TmcMessage> taken = new ArrayList<>();
    long deadline = nanos.getAsLong() + settings.redeliveryTimeout().toNanos();
    while (taken.size() < max && !queue.ready.isEmpty()) {
      TmcMessage message = pick(queue.ready);
      queue.inFlight.put(message.id(), new InFlight(message, deadline));
      if (settings.dropRate() > 0 && random.nextDouble() < settings.dropRate()) {
        count("dropped");
      } else {
        taken.add(message);
        count("delivered");
      }
    }
    return taken;
  }

  /** Confirms messages of the group; unknown or already confirmed ids are ignored. */
  synchronized int confirm(String group, Collection<Long> ids) {
    GroupQueue queue = queue(group);
    int confirmed = 0;
    for (long id : ids) {
      if (queue.inFlight.remove(id) != null) {
        confirmed++;
      }
    }
    counters.merge("confirmed", (long) confirmed, Long::sum);
    return confirmed;
  }

  /** The consumer could not process the message: it comes again after the redelivery timeout. */
  synchronized void fail(String group, long id) {
    GroupQueue queue = queue(group);
    InFlight inFlight = queue.inFlight.get(id);
    if (inFlight != null) {
      long deadline = nanos.getAsLong() + settings.redeliveryTimeout().toNanos();
      queue.inFlight.put(id, new InFlight(inFlight.message(), deadline));
      count("failed");
    }
  }

  /** Waits until something may be ready to deliver, at most the given time. */
  synchronized void awaitActivity(long millis) throws InterruptedException {
    wait(millis);
  }

  /** Wakes the WebSocket dispatcher (a client asked to pull). */
  synchronized void signal() {
    notifyAll();
  }

  /** Counters: published, duplicated, delivered, redelivered, dropped, confirmed, failed. */
  synchronized Map<String, Long> counters() {
    Map<String, Long> snapshot = new LinkedHashMap<>();
    for (String name : COUNTERS) {
      snapshot.put(name, 0L); // every counter is listed, 0 until it moves
    }
    snapshot.putAll(counters);
    long ready = 0;
    long inFlight = 0;
    for (GroupQueue queue : groups.values()) {
      ready += queue.ready.size();
      inFlight += queue.inFlight.size();
    }
    snapshot.put("ready", ready);
    snapshot.put("inFlight", inFlight);
    return snapshot;
  }

  synchronized List<User> users() {
    return List.copyOf(users.values());
  }

  private TmcMessage pick(Deque<TmcMessage> ready) {
    int window = Math.min(settings.reorderWindow(), ready.size());
    if (window <= 1) {
      return ready.pollFirst();
    }
    int chosen = random.nextInt(window);
    List<TmcMessage> head = new ArrayList<>(window);
    for (int i = 0; i < window; i++) {
      head.add(ready.pollFirst());
    }
    TmcMessage message = head.remove(chosen);
    for (int i = head.size() - 1; i >= 0; i--) {
      ready.addFirst(head.get(i));
    }
    return message;
  }

  private void requeueExpired(GroupQueue queue) {
    long now = nanos.getAsLong();
    List<TmcMessage> expired = new ArrayList<>();
    Iterator<InFlight> it = queue.inFlight.values().iterator();
    while (it.hasNext()) {
      InFlight inFlight = it.next();
      if (now - inFlight.deadlineNanos() >= 0) {
        expired.add(inFlight.message());
        it.remove();
      }
    }
    for (int i = expired.size() - 1; i >= 0; i--) {
      queue.ready.addFirst(expired.get(i));
    }
    counters.merge("redelivered", (long) expired.size(), Long::sum);
  }

  private GroupQueue queue(String group) {
    return groups.computeIfAbsent(group, g -> new GroupQueue());
  }

  private void count(String name) {
    counters.merge(name, 1L, Long::sum);
  }

  /** A stable numeric user id for a seller nick, as TOP gives every seller one. */
  static long userId(String nick) {
    return 2_200_000_000L + Math.floorMod(nick.hashCode(), 1_000_000_000);
  }

  static Set<String> topics(String commaList) {
    Set<String> topics = new LinkedHashSet<>();
    for (String topic : commaList.split(",")) {
      if (!topic.isBlank()) {
        topics.add(topic.trim());
      }
    }
    return topics;
  }
}
