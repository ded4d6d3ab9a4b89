package com.tmallbridge.channel.tmall;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sorts a failed TOP call into what the client should do about it (TOP API docs "错误码" and the
 * official SDK's AutoRetryFeature): {@code isp.*} sub codes, code 10 and transport failures are
 * transient; codes 4-8 are flow control, whose sub_msg names the ban's length; codes 26/27/44 and
 * session sub codes mean the seller must authorise again; everything else, {@code isv.*} included,
 * blames the call. Stateless.
 */
final class TopFailureClassifier {
  private static final Pattern BAN_SECONDS = Pattern.compile("(\\d{1,12})\\s*more\\s+seconds", Pattern.CASE_INSENSITIVE);
  private static final Set<Integer> FLOW_CONTROL_CODES = Set.of(4, 5, 6, 7, 8);
  private static final Set<Integer> SESSION_CODES = Set.of(26, 27, 44);
  private static final Set<String> SESSION_SUB_CODES =
      Set.of("isv.invalid-sessionkey", "isv.session-expired", "isv.persistent-session-not-exist");
  /** isv sub codes the platform documents as "try again later". */
  private static final Set<String> TRANSIENT_ISV_SUB_CODES = Set.of("isv.logistics-offline-service-error:b150");

  /** What to do about a failure. */
  enum Action {
    /** Transient: retry with back-off. */
    RETRY,
    /** Flow control: wait {@link Verdict#ban()} when known, else back off. */
    FLOW_CONTROL,
    /** The session is invalid: stop calling for this shop until it is re-authorised. */
    REAUTHORISE,
    /** The call is wrong: do not repeat it. */
    PERMANENT,
    /** The thread was interrupted: give up at once. */
    INTERRUPTED
  }

  /**
   * A classification.
   *
   * @param action what to do
   * @param ban for {@link Action#FLOW_CONTROL}: the announced ban length, null when not announced
   */
  record Verdict(Action action, @Nullable Duration ban) {}

  private TopFailureClassifier() {}

  static Verdict classify(Throwable failure) {
    if (failure instanceof TopApiException api) {
      return classify(api.error());
    }
    if (failure instanceof TopTransportException) {
      return new Verdict(failure.getCause() instanceof InterruptedException ? Action.INTERRUPTED : Action.RETRY, null);
    }
    return new Verdict(Action.PERMANENT, null);
  }

  static Verdict classify(TopApiError error) {
    String subCode = error.subCode() == null ? "" : error.subCode().toLowerCase(java.util.Locale.ROOT);
    if (SESSION_CODES.contains(error.code()) || SESSION_SUB_CODES.contains(subCode)) {
      return new Verdict(Action.REAUTHORISE, null);
    }
    if (FLOW_CONTROL_CODES.contains(error.code())
        || subCode.startsWith("accesscontrol.")
        || subCode.startsWith("isv.access-limited")) {
      return new Verdict(Action.FLOW_CONTROL, announcedBan(error));
    }
    if (error.code() == 10 || subCode.startsWith("isp.") || TRANSIENT_ISV_SUB_CODES.contains(subCode)) {
      return new Verdict(Action.RETRY, null);
    }
    return new Verdict(Action.PERMANENT, null);
  }

  /** N of "This ban will last for N more seconds" in sub_msg (or msg), or null. */
  static @Nullable Duration announcedBan(TopApiError error) {
    for (String text : new String[] {error.subMsg(), error.msg()}) {
      if (text != null) {
        Matcher m = BAN_SECONDS.matcher(text);
        if (m.find()) {
          return Duration.ofSeconds(Long.parseLong(m.group(1)));
        }
      }
    }
    return null;
  }
}
