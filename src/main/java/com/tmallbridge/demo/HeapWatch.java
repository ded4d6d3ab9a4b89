package com.tmallbridge.demo;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How much heap a run needs, as opposed to how much garbage the collector let pile up: the largest
 * heap in use right after any collection while the watch is open. With a large {@code -Xmx} a
 * collector such as G1 lets the young generation grow to hundreds of MB before it collects, so the
 * peak of "used" says more about the collector's sizing than about the program; the heap left after
 * a collection is the live data plus what the collector has not reached yet (an upper bound of what
 * the run needs).
 *
 * <p>Listens to the JVM's garbage-collection notifications; {@link #close()} stops listening.
 */
final class HeapWatch implements AutoCloseable {
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;

  /** Starts listening to every collector of this JVM. */
  static HeapWatch start() {
    HeapWatch watch = new HeapWatch();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(watch.listener, null, null);
        watch.emitters.add(emitter);
      }
    }
    return watch;
  }

  /**
   * Collects the whole heap ({@link System#gc()}, a full collection on the JVM's collectors unless
   * explicit GC is disabled) and returns the heap still in use: the live data at that moment. Also
   * counts towards {@link #peakAfterGcBytes()} of an open watch.
   */
  static long liveBytes() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }

  /** The largest heap in use right after a collection since {@link #start()} (0 when none ran). */
  long peakAfterGcBytes() {
    return peakAfterGc.get();
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    peakAfterGc.accumulateAndGet(used, Math::max);
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already gone: nothing to stop
      }
    }
  }
}
