package nl.samenaanwezig.meetings;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/** Sends one plain-text mail, optionally with a calendar file, over SMTP (Jakarta Mail). */
public final class Mailer {
  private final MailSettings settings;
  private final Session session;

  public Mailer(MailSettings settings) {
    this.settings = settings;
    Properties props = new Properties();
    settings.host().ifPresent(h -> props.put("mail.smtp.host", h));
    props.put("mail.smtp.port", String.valueOf(settings.port()));
    String timeout = String.valueOf(settings.timeout().toMillis());
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    props.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
    props.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
    Authenticator auth = null;
    if (settings.user().isPresent()) {
      props.put("mail.smtp.auth", "true");
      String user = settings.user().get();
      String password = settings.password().orElse("");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    this.session = Session.getInstance(props, auth);
  }

  public boolean configured() {
    return settings.configured();
  }

  /** One mail to one person. */
  public record Mail(
      String toName, String toAddress, String subject, String body, Optional<Ics> calendar) {}

  /** A calendar attachment and its iTIP method (for the Content-Type's method parameter). */
  public record Ics(String method, String text) {}

  /** Sends now, in the calling thread; throws when the server refuses or cannot be reached. */
  public void send(Mail mail) throws MessagingException {
    if (!configured()) {
      throw new IllegalStateException("no mail server configured");
    }
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from()));
    try {
      message.setRecipient(
          Message.RecipientType.TO,
          new InternetAddress(mail.toAddress(), mail.toName(), StandardCharsets.UTF_8.name()));
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    if (mail.calendar().isEmpty()) {
      message.setText(mail.body(), StandardCharsets.UTF_8.name());
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.body(), StandardCharsets.UTF_8.name());
      MimeBodyPart ics = new MimeBodyPart();
      Ics calendar = mail.calendar().get();
      // A data source, not a String: Jakarta Activation has no String handler for text/calendar.
      ics.setDataHandler(
          new DataHandler(
              new ByteArrayDataSource(
                  calendar.text().getBytes(StandardCharsets.UTF_8),
                  "text/calendar; charset=UTF-8; method=" + calendar.method())));
      ics.setFileName(calendar.method().equals("CANCEL") ? "afgezegd.ics" : "gesprek.ics");
      MimeMultipart parts = new MimeMultipart("mixed");
      parts.addBodyPart(text);
      parts.addBodyPart(ics);
      message.setContent(parts);
    }
    Transport.send(message);
  }
}
