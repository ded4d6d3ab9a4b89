package com.tmallbridge.erp.tryton;

import static org.assertj.core.api.Assertions.assertThat;

import com.tmallbridge.core.Receiver;
import org.junit.jupiter.api.Test;

class TrytonCommentTests {
  private static final Receiver RECEIVER = new Receiver("张**", "138****0000", null, "浙江省", "杭州市", "", "文一西路***号", "311100");

  @Test
  void particularsSurviveTheCommentExactlyWithLineBreaksBackslashesAndEmptyValues() {
    TrytonComment comment = new TrytonComment("请尽快发货\n第二行 C:\\x", null, 4, RECEIVER);

    String text = comment.format();

    assertThat(text).contains("Buyer: 请尽快发货\\n第二行 C:\\\\x").contains("Seller flag: 4").contains("Receiver district:")
        .doesNotContain("Seller:").doesNotContain("Receiver phone");
    assertThat(TrytonComment.parse(text)).isEqualTo(comment);
  }

  @Test
  void aCommentWithoutReceiverLinesHasNoReceiverAndOtherTextIsLeftOut() {
    TrytonComment parsed = TrytonComment.parse("Buyer: hi\nSeller: memo\nPlease call first");

    assertThat(parsed).isEqualTo(new TrytonComment("hi", "memo", 0, null));
    assertThat(TrytonComment.parse(null)).isEqualTo(new TrytonComment(null, null, 0, null));
    assertThat(new TrytonComment(null, null, 0, null).format()).isNull();
  }
}
