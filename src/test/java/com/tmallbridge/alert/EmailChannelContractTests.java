package com.tmallbridge.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The e-mail channel against GreenMail's SMTP server with a login: the contract, recipients and sender. */
class EmailChannelContractTests extends AlertChannelContract {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP)
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("bridge@example.com", "bridge", "s3cret"));

  private boolean refuse;
  private boolean broken;

  private static AlertProperties.Email settings(int port, String password) {
    return new AlertProperties.Email("127.0.0.1", port, "bridge", password, false, false, "bridge@example.com",
        List.of("ops@example.com", "boss@example.com"));
  }

  @Override
  AlertChannel channel() {
    int port = SMTP.getSmtp().getPort();
    if (broken) {
      broken = false;
      return unreachable();
    }
    if (refuse) {
      refuse = false;
      return new EmailChannel(settings(port, "wrong password"), Duration.ofSeconds(5));
    }
    return new EmailChannel(settings(port, "s3cret"), Duration.ofSeconds(5));
  }

  @Override
  List<String> received() {
    List<String> texts = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    try {
      for (MimeMessage m : SMTP.getReceivedMessages()) {
        if (seen.add(m.getMessageID())) { // GreenMail keeps one copy per recipient
          texts.add(m.getSubject() + "\n" + m.getContent());
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return texts;
  }

  @Override
  void refuseNext() {
    refuse = true;
  }

  @Override
  void failNextTemporarily() {
    broken = true;
  }

  @Override
  AlertChannel unreachable() {
    try {
      return new EmailChannel(settings(freePort(), "s3cret"), Duration.ofSeconds(2));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sendsOneMailToEveryRecipientFromTheSender() throws Exception {
    channel().send(message("backup failed"));

    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(mails[0].getFrom()[0].toString()).isEqualTo("bridge@example.com");
    assertThat(mails[0].getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com", "boss@example.com");
  }
}
