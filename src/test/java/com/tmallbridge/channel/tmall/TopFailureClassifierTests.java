package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.channel.tmall.TopFailureClassifier.Action;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TopFailureClassifierTests {

  @ParameterizedTest(name = "code {0} sub_code {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "15, isp.top-remote-connection-timeout, RETRY",
        "15, isp.unknown-error, RETRY",
        "15, ISP.top-mapping-parse-error, RETRY",
        "10, -, RETRY",
        "15, isv.logistics-offline-service-error:B150, RETRY",
        "7, accesscontrol.limited-by-app-access-count, FLOW_CONTROL",
        "4, -, FLOW_CONTROL",
        "5, -, FLOW_CONTROL",
        "6, -, FLOW_CONTROL",
        "8, -, FLOW_CONTROL",
        "15, isv.access-limited-by-app-api-access-count, FLOW_CONTROL",
        "26, -, REAUTHORISE",
        "27, invalid-sessionkey, REAUTHORISE",
        "44, -, REAUTHORISE",
        "15, isv.invalid-sessionkey, REAUTHORISE",
        "15, isv.invalid-parameter:tid, PERMANENT",
        "15, isv.trade-not-exist, PERMANENT",
        "11, -, PERMANENT",
        "25, -, PERMANENT",
        "40, isv.missing-parameter, PERMANENT",
        "41, -, PERMANENT",
      })
  void classifiesTopErrors(int code, String subCode, Action expected) {
    assertThat(TopFailureClassifier.classify(new TopApiError(code, "msg", subCode, null)).action()).isEqualTo(expected);
  }

  @Test
  void readsTheBanLengthFromSubMsg() {
    TopApiError error = new TopApiError(7, "App Call Limited", "accesscontrol.limited-by-app-access-count", "This ban will last for 31062 more seconds");

    assertThat(TopFailureClassifier.classify(error).ban()).isEqualTo(Duration.ofSeconds(31062));
    assertThat(TopFailureClassifier.announcedBan(new TopApiError(7, "App Call Limited", null, null))).isNull();
  }

  @Test
  void retriesTransportFailuresButNotInterruptions() {
    assertThat(TopFailureClassifier.classify(new TopTransportException("reset", null)).action()).isEqualTo(Action.RETRY);
    assertThat(TopFailureClassifier.classify(new TopTransportException("stop", new InterruptedException())).action())
        .isEqualTo(Action.INTERRUPTED);
    assertThat(TopFailureClassifier.classify(new IllegalStateException()).action()).isEqualTo(Action.PERMANENT);
  }

  @Test
  void retriesOnlyBansNoLongerThanTheMaximumWait() {
    TopRetryPolicy policy = new TopRetryPolicy(new TestProperties().maxBanWait(Duration.ofSeconds(10)).build());

    assertThat(policy.shouldRetry(banOf(10))).isTrue();
    assertThat(policy.shouldRetry(banOf(11))).isFalse();
    assertThat(policy.shouldRetry(new TopApiException("m", new TopApiError(7, "App Call Limited", null, null)))).isTrue();
    assertThat(policy.shouldRetry(new TopApiException("m", new TopApiError(15, "x", "isv.invalid-parameter", null)))).isFalse();
  }

  private static TopApiException banOf(long seconds) {
    return new TopApiException("m", new TopApiError(7, "App Call Limited", null, "This ban will last for " + seconds + " more seconds"));
  }
}
