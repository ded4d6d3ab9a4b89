package com.tmallbridge.fulfilment;

import com.tmallbridge.sync.Dispatcher;
import com.tmallbridge.sync.PeriodicRun;
import com.tmallbridge.sync.DispatcherWorker;
import org.springframework.stereotype.Service;

/**
 * Drives the fulfilment flow. One cycle reads the ERP's new deliveries and queues their
 * write-back; {@link #runOnce()} also delivers every due outbox message; {@link #start()} runs a
 * cycle every {@code bridge.fulfilment.interval} and leaves delivery to the dispatcher workers.
 */
@Service
public class FulfilmentSync implements AutoCloseable {
  private static final int BATCH = 200;

  private final DeliveryReader reader;
  private final Dispatcher dispatcher;
  private final DispatcherWorker workers;
  private final FulfilmentProperties properties;
  private final PeriodicRun periodic = new PeriodicRun("fulfilment-sync");

  FulfilmentSync(DeliveryReader reader, Dispatcher dispatcher, DispatcherWorker workers, FulfilmentProperties properties) {
    this.reader = reader;
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.properties = properties;
  }

  /** One cycle, then delivers every due outbox message (the shipments among them). */
  public CycleResult runOnce() {
    int recorded = cycle();
    int delivered = dispatcher.drainDue(BATCH);
    return new CycleResult(recorded, delivered);
  }

  /** Reads new ERP deliveries and queues their write-back; returns how many shipments were recorded. */
  public synchronized int cycle() {
    return reader.poll();
  }

  /** Runs a cycle every {@code bridge.fulfilment.interval} and starts the outbox workers. Does nothing if running. */
  public void start() {
    if (periodic.start(properties.interval(), this::cycle)) {
      workers.start();
    }
  }

  /** Stops the cycles (the outbox workers are stopped with the application). */
  public void stop() {
    periodic.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * What one {@link #runOnce()} did.
   *
   * @param recorded ERP deliveries recorded as shipments
   * @param delivered outbox messages delivered afterwards (of every flow)
   */
  public record CycleResult(int recorded, int delivered) {}
}
