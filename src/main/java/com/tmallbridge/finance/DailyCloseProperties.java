package com.tmallbridge.finance;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the daily money close ({@code bridge.finance.daily.*}), see {@link DailyClose}.
 *
 * @param enabled whether {@code sync} and {@code serve} close each Tmall day on their own (default true)
 * @param at the time of day (GMT+8) from which the previous day is closed: Alipay's T+1 bills are
 *     ready at about 09:00, so the default is 10:00
 * @param recheckAfterDays the close also reconciles again the day this many days back, so that trades
 *     paid that day and finished since (Tmall confirms receipt by itself 10 days after shipping) show
 *     {@link DifferenceCategory#UNSETTLED_PAST_DAYS} when their money never arrived (default 30; 0 = never)
 */
@ConfigurationProperties("bridge.finance.daily")
public record DailyCloseProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10:00") LocalTime at,
    @DefaultValue("30") int recheckAfterDays) {

  public DailyCloseProperties {
    if (recheckAfterDays < 0 || recheckAfterDays > ReconciliationManagement.MAX_DAYS) {
      throw new IllegalArgumentException("bridge.finance.daily.recheck-after-days must be between 0 and "
          + ReconciliationManagement.MAX_DAYS + ", got " + recheckAfterDays);
    }
  }
}
