package com.tmallbridge.channel;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A carrier the channel accepts.
 *
 * @param code the channel's carrier code, e.g. {@code SF}, {@code ZTO}
 * @param name display name, e.g. {@code 顺丰速运}
 * @param trackingNoPattern the channel's regular expression for this carrier's tracking numbers,
 *     null when it publishes none
 * @param id the channel's numeric id of the carrier, null when absent
 */
public record CarrierCompany(String code, String name, @Nullable String trackingNoPattern, @Nullable Long id) {

  /**
   * Whether {@code trackingNo} matches the carrier's pattern (the whole number must match). A
   * carrier without a pattern, or with one Java cannot compile, accepts every non-blank number:
   * the channel still validates it when shipping.
   */
  public boolean accepts(String trackingNo) {
    if (trackingNo.isBlank()) {
      return false;
    }
    if (trackingNoPattern == null || trackingNoPattern.isBlank()) {
      return true;
    }
    try {
      return Pattern.compile(trackingNoPattern).matcher(trackingNo).matches();
    } catch (PatternSyntaxException e) {
      return true;
    }
  }
}
