package nl.samenaanwezig.meetings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent;
import nl.samenaanwezig.privacy.AuditLog;

/**
 * The mails of a meeting, in plain words and in each reader's language: invitation, confirmation
 * (or the new time), reminder and cancellation, each with a calendar file once a time is booked.
 * Buddies get mail only when the consent rule allows it today and on the day of the talk and they
 * want mail; everything sent (or not) lands in the mail log, and each mail to a buddy (a use of the
 * student's consent, DOMAIN.md) in the student's audit log too. Sending runs in the background.
 */
public final class Notifications {
  private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

  private final Database db;
  private final AuditLog audit;
  private final Recipients recipients;
  private final MeetingMail words;
  private final Mailer mailer;
  private final MailSettings settings;
  private final Executor background;
  private final Clock clock;
  private final MeterRegistry metrics;

  public Notifications(
      Database db,
      BuddyBook book,
      AuditLog audit,
      Mailer mailer,
      LinkSigner signer,
      MailSettings settings,
      Executor background,
      Clock clock,
      MeterRegistry metrics) {
    this.db = db;
    this.audit = audit;
    this.recipients = new Recipients(db, book);
    this.words = new MeetingMail(signer, settings);
    this.mailer = mailer;
    this.settings = settings;
    this.background = background;
    this.clock = clock;
    this.metrics = metrics;
    for (SentMail.Status status : SentMail.Status.values()) {
      mails(status);
    }
  }

  private Counter mails(SentMail.Status status) {
    return metrics.counter("samen.mails", "status", status.name().toLowerCase(Locale.ROOT));
  }

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
    List<Recipients.Recipient> all = recipients.of(m, kind, entry, now);
    for (Recipients.Recipient r : all) {
      if (onlyBuddy != null && (r.buddy() == null || !r.buddy().id().equals(onlyBuddy))) {
        continue;
      }
      Mailer.Mail mail = words.compose(m, kind, entry, all, r, now);
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
      mails(status).increment();
      SentMail.Status done = status;
      String why = detail;
      db.run(
          em -> {
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
                    now));
            if (r.buddy() != null) {
              audit.record(
                  em,
                  Actor.system(),
                  m.student().id(),
                  AuditEvent.Operation.SEND,
                  AuditEvent.DataKind.BUDDY_MAIL,
                  r.buddy().id());
            }
          });
    }
  }
}
