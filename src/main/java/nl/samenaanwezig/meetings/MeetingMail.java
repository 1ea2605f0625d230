package nl.samenaanwezig.meetings;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.web.Pages;

/**
 * The words of one meeting mail for one reader, in plain language and the reader's language: the
 * greeting, what happened, the personal link (buddies), the agenda, and the calendar file (ical4j)
 * once a time is booked.
 */
final class MeetingMail {
  private final LinkSigner signer;
  private final MailSettings settings;

  MeetingMail(LinkSigner signer, MailSettings settings) {
    this.signer = signer;
    this.settings = settings;
  }

  Mailer.Mail compose(
      Meeting m,
      SentMail.Kind kind,
      Meeting.CalendarEntry entry,
      List<Recipients.Recipient> all,
      Recipients.Recipient r,
      Instant now) {
    Locale l = r.locale();
    String kindName = Pages.text(l, m.kind().key());
    String student =
        m.student().givenName() != null ? m.student().givenName() : m.student().displayName();
    String mentor = m.mentor().displayName();
    String course = m.course().displayTitle();
    String audience =
        r.role() == Who.BUDDY ? "buddy" : r.role() == Who.MENTOR ? "mentor" : "student";
    String key = "mail." + kind.name().toLowerCase(Locale.ROOT);
    String time = entry == null ? "" : entry.slot().time().label(l);
    String place = entry == null ? "" : Views.place(entry.slot(), l);
    String subject = Pages.text(l, key + ".subject", kindName, student, time);
    StringBuilder body = new StringBuilder();
    BuddyLanguage.missing(r.buddy())
        .ifPresent(
            wanted ->
                body.append(Pages.text(l, "mail.fallback", wanted.getDisplayLanguage(l)))
                    .append("\n\n"));
    body.append(Pages.text(l, "mail.greeting." + audience, r.name())).append("\n\n");
    body.append(
        Pages.text(l, key + "." + audience, kindName, student, mentor, course, time, place));
    body.append("\n\n");
    if (r.link() != null && kind != SentMail.Kind.CANCELLATION) {
      String until =
          DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
              .withLocale(l)
              .withZone(SlotTime.AMSTERDAM)
              .format(r.link().expiresAt());
      body.append(Pages.text(l, "mail.link", r.link().url(signer))).append("\n");
      body.append(Pages.text(l, "mail.link.personal", until)).append("\n\n");
    } else if (r.link() != null && m.status() == MeetingStatus.OPEN) {
      body.append(Pages.text(l, "mail.link.again", r.link().url(signer))).append("\n\n");
    }
    if (entry != null && kind != SentMail.Kind.CANCELLATION && r.role() != Who.MENTOR) {
      body.append(Pages.text(l, "mail.agenda")).append("\n");
      for (String item : m.kind().agenda()) {
        body.append("- ").append(Pages.text(l, item)).append("\n");
      }
      body.append("\n");
    }
    if (entry != null) {
      body.append(Pages.text(l, "mail.ics")).append("\n\n");
    }
    body.append(Pages.text(l, "mail.signature", mentor, course));
    Optional<Mailer.Ics> ics =
        entry == null ? Optional.empty() : Optional.of(ics(m, kind, entry, all, l, now));
    return new Mailer.Mail(r.name(), r.address(), subject, body.toString(), ics);
  }

  private Mailer.Ics ics(
      Meeting m,
      SentMail.Kind kind,
      Meeting.CalendarEntry entry,
      List<Recipients.Recipient> all,
      Locale l,
      Instant now) {
    CalendarInvite.Method method =
        kind == SentMail.Kind.CANCELLATION
            ? CalendarInvite.Method.CANCEL
            : CalendarInvite.Method.REQUEST;
    String organizerMail =
        Recipients.hasMail(m.mentor().email()) ? m.mentor().email() : fromAddress();
    List<CalendarInvite.Person> attendees =
        all.stream()
            .filter(r -> r.role() != Who.MENTOR)
            .map(r -> new CalendarInvite.Person(r.name(), r.address()))
            .toList();
    String student = m.student().displayName();
    String text =
        CalendarInvite.of(
            new CalendarInvite.Event(
                method,
                entry.uid(),
                entry.sequence(),
                entry.slot().time(),
                Pages.text(l, m.kind().key()) + ": " + student,
                m.kind().agenda().stream()
                    .map(item -> "- " + Pages.text(l, item))
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse(""),
                Views.place(entry.slot(), l),
                new CalendarInvite.Person(m.mentor().displayName(), organizerMail),
                attendees,
                now));
    return new Mailer.Ics(method.name(), text);
  }

  private String fromAddress() {
    try {
      return new jakarta.mail.internet.InternetAddress(settings.from()).getAddress();
    } catch (jakarta.mail.internet.AddressException e) {
      return "noreply@localhost";
    }
  }
}
