package nl.samenaanwezig.meetings;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.web.Locales;
import nl.samenaanwezig.web.Pages;

/**
 * The mails of a meeting, in plain words and in each reader's language: invitation, confirmation
 * (or the new time), reminder and cancellation, each with a calendar file once a time is booked.
 * Buddies get mail only when the consent rule allows it today and on the day of the talk and they
 * want mail; everything sent (or not) lands in the mail log. Sending runs in the background.
 */
public final class Notifications {
  private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

  private final Database db;
  private final BuddyBook book;
  private final Mailer mailer;
  private final LinkSigner signer;
  private final MailSettings settings;
  private final Executor background;
  private final Clock clock;

  public Notifications(
      Database db,
      BuddyBook book,
      Mailer mailer,
      LinkSigner signer,
      MailSettings settings,
      Executor background,
      Clock clock) {
    this.db = db;
    this.book = book;
    this.mailer = mailer;
    this.signer = signer;
    this.settings = settings;
    this.background = background;
    this.clock = clock;
  }

  /** Someone a mail goes to. */
  record Recipient(
      Who role, Buddy buddy, String name, String address, Locale locale, BuddyLink link) {}

  /** Invitations for these meetings (with the calendar file when a time is already booked). */
  public void invited(List<Long> meetingIds) {
    background.execute(
        () -> {
          for (long id : meetingIds) {
            sendSafely(id, SentMail.Kind.INVITATION, null, null);
          }
        });
  }

  /** The invitation for one buddy only (a new link, or a buddy added after the invitations). */
  public void invitedBuddy(long meetingId, long buddyId) {
    background.execute(() -> sendSafely(meetingId, SentMail.Kind.INVITATION, null, buddyId));
  }

  /** The booked time (new, or moved when {@code moved}). */
  public void booked(long meetingId, boolean moved) {
    background.execute(
        () ->
            sendSafely(
                meetingId, moved ? SentMail.Kind.UPDATE : SentMail.Kind.CONFIRMATION, null, null));
  }

  /** The time is off: a CANCEL for this calendar entry. */
  public void cancelled(long meetingId, Meeting.CalendarEntry entry) {
    background.execute(() -> sendSafely(meetingId, SentMail.Kind.CANCELLATION, entry, null));
  }

  /**
   * Sends the reminders that are due (start within the reminder time, booked before that window
   * opened, not reminded yet); each meeting is claimed first, so two nodes never both remind. Runs
   * in the caller's thread (the housekeeping schedule). Returns how many meetings were reminded.
   */
  public int remindDue() {
    Instant now = clock.instant();
    Instant until = now.plus(settings.reminderBefore());
    List<Meeting> due =
        db.read(
            em ->
                em.createQuery(
                        "select m from Meeting m where m.status = :planned"
                            + " and m.reminderSentAt is null and m.slot.startsAt > :now"
                            + " and m.slot.startsAt <= :until",
                        Meeting.class)
                    .setParameter("planned", MeetingStatus.PLANNED)
                    .setParameter("now", now)
                    .setParameter("until", until)
                    .getResultList());
    int reminded = 0;
    for (Meeting m : due) {
      Instant windowOpened = m.slot().orElseThrow().startsAt().minus(settings.reminderBefore());
      boolean bookedInsideWindow = !m.bookedAt().isBefore(windowOpened);
      int claimed =
          db.tx(
              em ->
                  em.createQuery(
                          "update Meeting m set m.reminderSentAt = :now"
                              + " where m.id = :id and m.reminderSentAt is null")
                      .setParameter("now", now)
                      .setParameter("id", m.id())
                      .executeUpdate());
      if (claimed == 1 && !bookedInsideWindow) {
        sendSafely(m.id(), SentMail.Kind.REMINDER, null, null);
        reminded++;
      }
    }
    return reminded;
  }

  private void sendSafely(
      long meetingId, SentMail.Kind kind, Meeting.CalendarEntry cancelled, Long onlyBuddy) {
    try {
      send(meetingId, kind, cancelled, onlyBuddy);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, kind + " mails of meeting " + meetingId + " failed", e);
    }
  }

  private void send(
      long meetingId, SentMail.Kind kind, Meeting.CalendarEntry cancelled, Long onlyBuddy) {
    Meeting m = db.read(em -> em.find(Meeting.class, meetingId));
    if (m == null) {
      return;
    }
    Instant now = clock.instant();
    Meeting.CalendarEntry entry =
        cancelled != null
            ? cancelled
            : m.status() == MeetingStatus.PLANNED ? m.calendarEntry() : null;
    if (kind == SentMail.Kind.REMINDER && entry == null) {
      return;
    }
    List<Recipient> recipients = recipients(m, kind, entry, now);
    for (Recipient r : recipients) {
      if (onlyBuddy != null && (r.buddy() == null || !r.buddy().id().equals(onlyBuddy))) {
        continue;
      }
      Mailer.Mail mail = compose(m, kind, entry, recipients, r, now);
      SentMail.Status status;
      String detail = null;
      if (!mailer.configured()) {
        status = SentMail.Status.NOT_CONFIGURED;
      } else {
        try {
          mailer.send(mail);
          status = SentMail.Status.SENT;
        } catch (MessagingException | RuntimeException e) {
          status = SentMail.Status.FAILED;
          detail = e.getMessage();
          LOG.log(Level.WARNING, "mail to " + r.role() + " of meeting " + meetingId + " failed", e);
        }
      }
      SentMail.Status done = status;
      String why = detail;
      db.run(
          em ->
              em.persist(
                  new SentMail(
                      em.find(Meeting.class, meetingId),
                      kind,
                      r.role(),
                      r.buddy() == null ? null : em.find(Buddy.class, r.buddy().id()),
                      r.name(),
                      r.address(),
                      mail.subject(),
                      entry == null ? null : entry.sequence(),
                      done,
                      why,
                      now)));
    }
  }

  /**
   * Who gets this mail: the student, the mentor for the calendar mails, and the buddies the rule
   * allows who want mail. A buddy without consent gets nothing, whatever the kind.
   */
  private List<Recipient> recipients(
      Meeting m, SentMail.Kind kind, Meeting.CalendarEntry entry, Instant now) {
    List<Recipient> list = new ArrayList<>();
    Person student = m.student();
    if (hasMail(student.email())) {
      list.add(
          new Recipient(
              Who.STUDENT, null, student.displayName(), student.email(), Locales.DUTCH, null));
    }
    boolean calendarMail = kind != SentMail.Kind.INVITATION && kind != SentMail.Kind.REMINDER;
    if (calendarMail && hasMail(m.mentor().email())) {
      list.add(
          new Recipient(
              Who.MENTOR, null, m.mentor().displayName(), m.mentor().email(), Locales.DUTCH, null));
    }
    java.time.LocalDate today = book.today();
    java.time.LocalDate day =
        entry != null && entry.slot() != null ? entry.slot().time().start().toLocalDate() : today;
    Participants participants =
        Participants.of(m, book.overview(student.id(), today), book.overview(student.id(), day));
    for (Reach reach : participants.mailed()) {
      Buddy b = reach.buddy();
      list.add(
          new Recipient(
              Who.BUDDY,
              b,
              b.details().name(),
              b.details().email(),
              Locales.supported(Locale.forLanguageTag(b.details().language().code())),
              activeLink(m.id(), b.id(), now).orElse(null)));
    }
    return list;
  }

  private Optional<BuddyLink> activeLink(long meetingId, long buddyId, Instant now) {
    return db.read(
        em ->
            em
                .createQuery(
                    "select l from BuddyLink l where l.meeting.id = :m and l.buddy.id = :b"
                        + " and l.revokedAt is null and l.expiresAt > :now"
                        + " order by l.createdAt desc",
                    BuddyLink.class)
                .setParameter("m", meetingId)
                .setParameter("b", buddyId)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst());
  }

  private Mailer.Mail compose(
      Meeting m,
      SentMail.Kind kind,
      Meeting.CalendarEntry entry,
      List<Recipient> all,
      Recipient r,
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
    String place = entry == null ? "" : place(entry.slot(), l);
    String subject = Pages.text(l, key + ".subject", kindName, student, time);
    StringBuilder body = new StringBuilder();
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
      List<Recipient> all,
      Locale l,
      Instant now) {
    CalendarInvite.Method method =
        kind == SentMail.Kind.CANCELLATION
            ? CalendarInvite.Method.CANCEL
            : CalendarInvite.Method.REQUEST;
    String organizerMail = hasMail(m.mentor().email()) ? m.mentor().email() : fromAddress();
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
                place(entry.slot(), l),
                new CalendarInvite.Person(m.mentor().displayName(), organizerMail),
                attendees,
                now));
    return new Mailer.Ics(method.name(), text);
  }

  /** Where, in words: "Op school, lokaal B1.12" or "Videobellen, https://...". */
  static String place(Slot slot, Locale l) {
    String kind = Pages.text(l, slot.locationKind().key());
    return slot.locationDetails() == null ? kind : kind + ", " + slot.locationDetails();
  }

  private String fromAddress() {
    try {
      return new jakarta.mail.internet.InternetAddress(settings.from()).getAddress();
    } catch (jakarta.mail.internet.AddressException e) {
      return "noreply@localhost";
    }
  }

  private static boolean hasMail(String address) {
    return address != null && !address.isBlank();
  }
}
