package com.tmallbridge.alert;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail to {@code bridge.alerts.email.to} through the configured SMTP server, plain text in UTF-8. */
final class EmailChannel implements AlertChannel {
  private final AlertProperties.Email settings;
  private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

  EmailChannel(AlertProperties.Email settings, Duration timeout) {
    this.settings = settings;
    sender.setHost(settings.host());
    sender.setPort(settings.port());
    sender.setUsername(settings.username());
    sender.setPassword(settings.password());
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    Properties props = new Properties();
    String millis = Long.toString(timeout.toMillis());
    String protocol = Boolean.TRUE.equals(settings.ssl()) ? "smtps" : "smtp";
    sender.setProtocol(protocol);
    props.setProperty("mail." + protocol + ".connectiontimeout", millis);
    props.setProperty("mail." + protocol + ".timeout", millis);
    props.setProperty("mail." + protocol + ".writetimeout", millis);
    props.setProperty("mail." + protocol + ".auth", Boolean.toString(settings.username() != null));
    if (Boolean.TRUE.equals(settings.starttls())) {
      props.setProperty("mail.smtp.starttls.enable", "true");
      props.setProperty("mail.smtp.starttls.required", "true");
    }
    sender.setJavaMailProperties(props);
  }

  @Override
  public String id() {
    return "email";
  }

  @Override
  public void send(AlertMessage message) throws AlertDeliveryException {
    try {
      MimeMessage mail = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mail, false, StandardCharsets.UTF_8.name());
      helper.setFrom(settings.from());
      helper.setTo(settings.to().toArray(String[]::new));
      helper.setSubject(message.title());
      helper.setText(message.plainText(), false);
      sender.send(mail);
    } catch (MailAuthenticationException | MailParseException | MailPreparationException e) {
      throw new AlertDeliveryException("email: " + e.getMessage(), false, e);
    } catch (MailException e) {
      throw new AlertDeliveryException("email: " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), true, e);
    } catch (MessagingException e) {
      throw new AlertDeliveryException("email: " + e.getMessage(), false, e);
    }
  }
}
