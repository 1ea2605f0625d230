package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.component.VEvent;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.privacy.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reminders, as the housekeeping schedule sends them: once per booking, 24 hours before by default,
 * not for a time booked inside that window (the confirmation was just sent).
 */
class ReminderTest {
  static MeetingWorld world;
  static Notifications reminders;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    Clock clock = Clock.systemUTC();
    MailSettings settings =
        MailSettings.smtp("127.0.0.1", world.mail.getSmtp().getPort(), MeetingWorld.FROM);
    AuditLog audit = new AuditLog(world.tool.db(), clock);
    reminders =
        new Notifications(
            world.tool.db(),
            new BuddyBook(world.tool.db(), audit, clock),
            audit,
            new Mailer(settings),
            LinkSigner.of(world.tool.db(), clock),
            settings,
            Runnable::run,
            clock,
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /** A planned talk moved to start in {@code startsIn}, booked {@code bookedAgo} ago. */
  static long plannedTalk(String sub, String from, Duration startsIn, Duration bookedAgo) {
    Buddies.student(world.platform, sub, "Tess", "Vos");
    world.addSlots(Map.of("from", from));
    long slot =
        world.slotAt(
            MeetingWorld.mondayInTwoWeeks().atTime(Integer.parseInt(from.substring(0, 2)), 0));
    long meeting = world.plan(world.personId(sub), "VOORTGANG", slot);
    world.awaitMailLog(meeting, 2);
    Instant start = Instant.now().plus(startsIn);
    world.sql(
        "UPDATE meeting_slot SET starts_at = ?, ends_at = ? WHERE id = ?",
        Timestamp.from(start),
        Timestamp.from(start.plus(Duration.ofMinutes(20))),
        slot);
    world.sql(
        "UPDATE meeting SET booked_at = ? WHERE id = ?",
        Timestamp.from(Instant.now().minus(bookedAgo)),
        meeting);
    return meeting;
  }

  static long reminderLines(long meeting) {
    return world.tool.count(
        "SELECT COUNT(*) FROM meeting_mail WHERE meeting_id = ? AND kind = 'REMINDER'", meeting);
  }

  @Test
  void aTalkTomorrowIsRemindedOnceWithTheSameCalendarEntry() {
    long meeting = plannedTalk("s-remind", "12:00", Duration.ofHours(20), Duration.ofDays(3));
    assertEquals(1, reminders.remindDue());
    assertEquals(1, reminderLines(meeting), "the student; the mentor gets no reminder");
    List<MimeMessage> mails = world.mailsTo("s-remind@school.example");
    MimeMessage reminder = mails.get(mails.size() - 1);
    assertTrue(MeetingWorld.subject(reminder).startsWith("Herinnering: Voortgangsgesprek op "));
    VEvent first =
        (VEvent) MeetingWorld.ics(mails.get(0)).orElseThrow().getComponent("VEVENT").orElseThrow();
    VEvent again =
        (VEvent) MeetingWorld.ics(reminder).orElseThrow().getComponent("VEVENT").orElseThrow();
    assertEquals(first.getProperty("UID").orElseThrow(), again.getProperty("UID").orElseThrow());
    assertEquals(0, reminders.remindDue(), "once");
    assertEquals(1, reminderLines(meeting));
  }

  @Test
  void aTalkBookedInsideTheReminderWindowGetsNoSeparateReminder() {
    long meeting = plannedTalk("s-late", "13:00", Duration.ofHours(5), Duration.ofHours(1));
    reminders.remindDue();
    assertEquals(0, reminderLines(meeting));
    assertEquals(
        1,
        world.tool.count(
            "SELECT COUNT(*) FROM meeting WHERE id = ? AND reminder_sent_at IS NOT NULL", meeting));
  }

  @Test
  void aTalkTheDayAfterTomorrowIsNotRemindedYet() {
    long meeting = plannedTalk("s-early", "14:00", Duration.ofHours(40), Duration.ofDays(3));
    reminders.remindDue();
    assertEquals(0, reminderLines(meeting));
  }
}
