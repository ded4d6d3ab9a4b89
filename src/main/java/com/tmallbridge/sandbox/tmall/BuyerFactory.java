package com.tmallbridge.sandbox.tmall;

import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Buyers as a seller's app sees them: masked nick ({@code t**8}), open uid, oaid, and a masked
 * receiver ({@code 屈**}, {@code 138****1234}).
 */
final class BuyerFactory {
  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高", "屈", "欧阳", "诸葛"
  };
  private static final String[] MOBILE_PREFIXES = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "156", "158", "159", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199"
  };
  private static final String[] AREA_CODES = {"010", "021", "0571", "020", "0755", "028", "027"};
  private static final String[] NICK_HEADS = {"t", "小", "z", "a", "l", "w", "快", "阿", "m", "j"};
  private static final String NICK_TAILS = "0123456789abcdefghijkmnpqrstuvwxyz猫鱼喵乐";
  private static final String URL_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final ChineseAddressBook addresses = new ChineseAddressBook();

  Buyer buyer(SplittableRandom random) {
    String name = SURNAMES[random.nextInt(SURNAMES.length)] + "**";
    String mobile =
        MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + "****" + fourDigits(random);
    MaskedReceiver receiver = addresses.receiver(random, name, mobile, landline(random));
    return new Buyer(
        maskedNick(random),
        "AAF" + chars(random, URL_SAFE, 21),
        chars(random, ALNUM, 56),
        receiver);
  }

  private static @Nullable String landline(SplittableRandom random) {
    if (random.nextInt(10) != 0) {
      return null;
    }
    return AREA_CODES[random.nextInt(AREA_CODES.length)] + "-****" + fourDigits(random);
  }

  private static String maskedNick(SplittableRandom random) {
    int tail = random.nextInt(NICK_TAILS.length());
    return NICK_HEADS[random.nextInt(NICK_HEADS.length)]
        + "**"
        + NICK_TAILS.substring(tail, tail + 1);
  }

  private static String fourDigits(SplittableRandom random) {
    return Integer.toString(10_000 + random.nextInt(10_000)).substring(1);
  }

  private static String chars(SplittableRandom random, String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
