package nl.samenaanwezig.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.web.Locales;

/**
 * Who gets a meeting's mail: the student, the mentor for the calendar mails, and the buddies the
 * consent rule allows today and on the day of the talk who want mail, each with their active
 * personal link and in their language: the student and mentor in the language of their last LTI
 * launch, a buddy in the language on their profile (Dutch where we have no texts in it yet). A
 * buddy without consent gets nothing, whatever the kind.
 */
final class Recipients {
  private final Database db;
  private final BuddyBook book;

  Recipients(Database db, BuddyBook book) {
    this.db = db;
    this.book = book;
  }

  /** Someone a mail goes to. */
  record Recipient(
      Who role, Buddy buddy, String name, String address, Locale locale, BuddyLink link) {}

  List<Recipient> of(Meeting m, SentMail.Kind kind, Meeting.CalendarEntry entry, Instant now) {
    List<Recipient> list = new ArrayList<>();
    Person student = m.student();
    if (hasMail(student.email())) {
      list.add(
          new Recipient(
              Who.STUDENT,
              null,
              student.displayName(),
              student.email(),
              Locales.fromLti(student.locale()),
              null));
    }
    boolean calendarMail = kind != SentMail.Kind.INVITATION && kind != SentMail.Kind.REMINDER;
    if (calendarMail && hasMail(m.mentor().email())) {
      list.add(
          new Recipient(
              Who.MENTOR,
              null,
              m.mentor().displayName(),
              m.mentor().email(),
              Locales.fromLti(m.mentor().locale()),
              null));
    }
    LocalDate today = book.today();
    LocalDate day =
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
              BuddyLanguage.of(b),
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

  static boolean hasMail(String address) {
    return address != null && !address.isBlank();
  }
}
