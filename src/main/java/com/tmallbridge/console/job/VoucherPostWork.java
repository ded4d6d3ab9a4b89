package com.tmallbridge.console.job;

import com.tmallbridge.core.ShopId;
import com.tmallbridge.finance.VoucherPosting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The job "post a shop's vouchers of one Tmall day" (what {@code vouchers post --shop S --date D}
 * does on the command line): {@link #begin} takes the keys of the day's vouchers not yet posted
 * (new and {@code FAILED} ones, so a run retries the failures), each step posts the next {@value
 * #SLICE} of them through {@link VoucherPosting#post(ShopId, LocalDate, java.util.Collection)}. One
 * unit is one voucher; a voucher the ERP refuses counts as done and stays a {@code FAILED} record
 * with its error (the note counts them); the job itself fails only when posting cannot run at all
 * (no voucher sink in the active ERP).
 */
public final class VoucherPostWork implements JobWork {
  /** The job kind. */
  public static final String KIND = "voucher-post";
  /** Vouchers posted per step. */
  static final int SLICE = 20;

  private final VoucherPosting posting;
  private final ShopId shop;
  private final LocalDate date;
  private List<String> keys = List.of();
  private int next;
  private int posted;
  private final List<String> failed = new ArrayList<>();

  public VoucherPostWork(VoucherPosting posting, ShopId shop, LocalDate date) {
    this.posting = posting;
    this.shop = shop;
    this.date = date;
  }

  @Override
  public long begin() {
    keys = posting.unposted(shop, date);
    return keys.size();
  }

  @Override
  public Step step() {
    List<String> slice = keys.subList(next, Math.min(keys.size(), next + SLICE));
    VoucherPosting.PostingReport report = posting.post(shop, date, slice);
    next += slice.size();
    posted += report.posted();
    report.failures().forEach(f -> failed.add(f.key()));
    String note = posted + " posted, " + failed.size() + " failed" + (failed.isEmpty() ? "" : " (first: " + failed.get(0) + ")");
    return new Step(next, next >= keys.size(), note);
  }
}
