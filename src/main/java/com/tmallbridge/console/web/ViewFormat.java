package com.tmallbridge.console.web;

import com.tmallbridge.core.Money;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the console writes money and time, given to templates as {@code fmt}: money exactly, from fen
 * to yuan with two decimals and thousands separators ({@code ¥1,234.50}, never rounded); time as
 * {@code yyyy-MM-dd HH:mm:ss} in China Standard Time.
 */
public final class ViewFormat {
  /** The one instance templates use. */
  public static final ViewFormat INSTANCE = new ViewFormat();

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneId.of("Asia/Shanghai"));

  private ViewFormat() {}

  /** {@code ¥1,234.50} for 123450 fen; a minus sign before the ¥ for negative amounts; empty for null. */
  public String yuan(@Nullable Long fen) {
    if (fen == null) {
      return "";
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    String text = format.format(Money.toYuan(Math.abs(fen)));
    return (fen < 0 ? "-¥" : "¥") + text;
  }

  /** The instant in China Standard Time, {@code yyyy-MM-dd HH:mm:ss}; empty for null. */
  public String time(@Nullable Instant at) {
    return at == null ? "" : TIME.format(at);
  }
}
