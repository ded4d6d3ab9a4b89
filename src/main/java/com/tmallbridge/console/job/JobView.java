package com.tmallbridge.console.job;

import com.tmallbridge.core.ShopId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A console job as the screen shows it, at one moment.
 *
 * @param id the job's id (unique in this process)
 * @param kind what it does, e.g. {@code stock-push}
 * @param shop the shop it works on
 * @param shopCode the shop's code
 * @param startedBy the user who started it
 * @param startedAt when
 * @param done units done
 * @param total units in all (0 until the work began)
 * @param state where it is
 * @param note a remark (failures counted, or why it failed), {@code ""} when none
 * @param endedAt when it ended, null while running
 */
public record JobView(long id, String kind, ShopId shop, String shopCode, String startedBy, Instant startedAt, long done, long total,
    JobState state, String note, @Nullable Instant endedAt) {

  /** Done as a whole percentage of the total, 0–100 (100 for a job with nothing to do once it ended). */
  public int percent() {
    if (total <= 0) {
      return state == JobState.RUNNING ? 0 : 100;
    }
    return (int) Math.min(100, done * 100 / total);
  }

  public boolean running() {
    return state == JobState.RUNNING;
  }
}
