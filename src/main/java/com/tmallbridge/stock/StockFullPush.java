package com.tmallbridge.stock;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.stock.PublicationRepository.Row;
import com.tmallbridge.sync.Dispatcher;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A full stock push of one shop, in steps a caller can follow: {@link #start} marks every listing
 * of the shop to be pushed again whatever its figure and queues the pushes (one outbox message per
 * item, as {@code stock push --all}); {@link #deliver} delivers due outbox messages (the pushes
 * among them, through the same handler as always); {@link #progress} counts the listings whose
 * push has ended since the start — pushed, or refused by Tmall with an error kept on the listing.
 * A push that fails transiently stays queued in the outbox with back-off and is not counted until
 * it ends. Thread-safe; several callers may deliver at once (the outbox claims each message).
 */
@Service
public class StockFullPush {
  private final PublicationRepository publications;
  private final StockPushes pushes;
  private final Dispatcher dispatcher;

  StockFullPush(PublicationRepository publications, StockPushes pushes, Dispatcher dispatcher) {
    this.publications = publications;
    this.pushes = pushes;
    this.dispatcher = dispatcher;
  }

  /** Marks every listing of {@code shop} and queues the pushes, in one transaction; returns how many listings. */
  @Transactional
  public int start(ShopId shop) {
    int marked = publications.force(shop, null, null);
    pushes.enqueueDue();
    return marked;
  }

  /** Delivers up to {@code max} due outbox messages; returns how many deliveries were tried. */
  public int deliver(int max) {
    return dispatcher.flush(max).total();
  }

  /** How far the shop's full push is: listings whose push ended (and of those, with an error), of all. */
  public Progress progress(ShopId shop) {
    List<Row> rows = publications.rows(shop);
    long ended = rows.stream().filter(r -> !r.forcePush()).count();
    long failed = rows.stream().filter(r -> !r.forcePush() && r.lastError() != null).count();
    return new Progress(ended, failed, rows.size());
  }

  /**
   * Progress of a full push.
   *
   * @param ended listings whose push ended (pushed or refused)
   * @param failed of those, listings Tmall refused (their error is on the listing)
   * @param total listings of the shop
   */
  public record Progress(long ended, long failed, long total) {}
}
