package com.tmallbridge.channel.tmall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Golden bytes written by hand from the protocol description (docs/tmc.md), and round trips. */
class TmcFrameCodecTests {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] hex(String spaced) {
    return HEX.parseHex(spaced.replace(" ", "").replace("\n", ""));
  }

  private static String utf8Hex(String s) {
    return HEX.formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void writesAConfirmAsTheProtocolLaysItOut() {
    Map<String, @Nullable Object> headers = new LinkedHashMap<>();
    headers.put("__kind", (short) 2);
    headers.put("id", 5L);

    byte[] bytes = TmcFrameCodec.encode(TmcFrame.of(TmcFrame.SEND, "tk", headers));

    String expected = "02 02"                                              // version 2, SEND
        + " 0500 02000000" + utf8Hex("tk")                                 // token header, counted string
        + " 0100 06000000" + utf8Hex("__kind") + " 03 0200"                // custom, int16 2
        + " 0100 02000000" + utf8Hex("id") + " 05 0500000000000000"        // custom, int64 5
        + " 0000";                                                         // end of headers
    assertThat(HEX.formatHex(bytes)).isEqualTo(expected.replace(" ", ""));
  }

  @Test
  void readsAConnectAckWithStatusAndToken() {
    byte[] bytes = hex("02 01 0200 00000000 0300 02000000 4f4b 0400 01000000 0500 03000000 616263 0000");

    TmcFrame frame = TmcFrameCodec.decode(bytes);

    assertThat(frame.protocolVersion()).isEqualTo(2);
    assertThat(frame.messageType()).isEqualTo(TmcFrame.CONNECT_ACK);
    assertThat(frame.statusCode()).isZero();
    assertThat(frame.statusPhrase()).isEqualTo("OK");
    assertThat(frame.flag()).isEqualTo(1);
    assertThat(frame.token()).isEqualTo("abc");
    assertThat(frame.headers()).isEmpty();
  }

  @Test
  void readsEveryCustomValueType() {
    long millis = 1_731_254_400_000L;
    String bytes = "02 02"
        + " 0100 01000000 61 00"                                       // a: void
        + " 0100 01000000 62 01 06000000" + utf8Hex("天猫")              // b: string (6 UTF-8 bytes)
        + " 0100 01000000 63 02 ff"                                    // c: byte -1
        + " 0100 01000000 64 03 0300"                                  // d: int16 3
        + " 0100 01000000 65 04 ffffffff"                              // e: int32 -1
        + " 0100 01000000 66 05 " + le64(1L << 40)                     // f: int64
        + " 0100 01000000 67 06 " + le64(millis)                       // g: date
        + " 0100 01000000 68 07 03000000 010203"                       // h: byte[3]
        + " 0000";

    TmcFrame frame = TmcFrameCodec.decode(hex(bytes));

    assertThat(frame.headers()).containsKeys("a").containsEntry("b", "天猫").containsEntry("c", (byte) -1)
        .containsEntry("d", (short) 3).containsEntry("e", -1).containsEntry("f", 1L << 40)
        .containsEntry("g", Instant.ofEpochMilli(millis));
    assertThat(frame.headers().get("a")).isNull();
    assertThat((byte[]) frame.headers().get("h")).containsExactly(1, 2, 3);
    assertThat(TmcFrameCodec.encode(frame)).isEqualTo(hex(bytes));
  }

  @Test
  void readsTheKindOfAFrameWhateverIntegerTypeCarriesIt() {
    for (Object kind : new Object[] {(byte) 3, (short) 3, 3, 3L, "3"}) {
      Map<String, @Nullable Object> headers = new LinkedHashMap<>();
      headers.put("__kind", kind);
      assertThat(TmcFrameCodec.decode(TmcFrameCodec.encode(TmcFrame.of(TmcFrame.SEND, null, headers))).kind())
          .as("kind as %s", kind.getClass().getSimpleName()).isEqualTo(TmcFrame.KIND_DATA);
    }
  }

  @Test
  void refusesTruncatedFramesAndUnknownTypes() {
    byte[] good = TmcFrameCodec.encode(TmcFrame.of(TmcFrame.SEND, "tk", Map.of("topic", "taobao_trade_TradeCreate")));
    for (int length = 0; length < good.length; length++) {
      byte[] cut = Arrays.copyOf(good, length);
      assertThatIllegalArgumentException().as("first %d bytes", length).isThrownBy(() -> TmcFrameCodec.decode(cut));
    }
    assertThatIllegalArgumentException().isThrownBy(() -> TmcFrameCodec.decode(hex("02 02 0900 0000")))
        .withMessageContaining("header type 9");
    assertThatIllegalArgumentException().isThrownBy(() -> TmcFrameCodec.decode(hex("02 02 0100 01000000 61 09 0000")))
        .withMessageContaining("value type 9");
    assertThatIllegalArgumentException().isThrownBy(() -> TmcFrameCodec.decode(hex("02 02 0500 ffffff7f 0000")))
        .withMessageContaining("length");
  }

  @Test
  void roundTripsRandomFrames() {
    long seed = System.nanoTime();
    System.out.println("TmcFrameCodecTests.roundTripsRandomFrames seed=" + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      TmcFrame frame = randomFrame(random);
      TmcFrame back = TmcFrameCodec.decode(TmcFrameCodec.encode(frame));
      assertThat(back).as("seed %d frame %d", seed, i).usingRecursiveComparison().isEqualTo(frame);
    }
  }

  private static TmcFrame randomFrame(Random random) {
    Map<String, @Nullable Object> headers = new LinkedHashMap<>();
    int count = random.nextInt(8);
    for (int h = 0; h < count; h++) {
      Object value = switch (random.nextInt(8)) {
        case 0 -> null;
        case 1 -> randomText(random);
        case 2 -> (byte) random.nextInt();
        case 3 -> (short) random.nextInt();
        case 4 -> random.nextInt();
        case 5 -> random.nextLong();
        case 6 -> Instant.ofEpochMilli(random.nextLong() >> 20);
        default -> {
          byte[] b = new byte[random.nextInt(5)];
          random.nextBytes(b);
          yield b;
        }
      };
      headers.put("k" + h + randomText(random), value);
    }
    return new TmcFrame(2, random.nextInt(4), random.nextBoolean() ? random.nextInt() : null,
        random.nextBoolean() ? randomText(random) : null, random.nextBoolean() ? random.nextInt() : null,
        random.nextBoolean() ? randomText(random) : null, headers);
  }

  private static String randomText(Random random) {
    String alphabet = "abcXYZ09_{}\":,天猫订单";
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String le64(long v) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      s.append(String.format("%02x", (v >>> (8 * i)) & 0xff));
    }
    return s.toString();
  }
}
