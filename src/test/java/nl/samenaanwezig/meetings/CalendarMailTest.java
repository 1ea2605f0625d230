package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calendar files in the mails, read back with ical4j: METHOD REQUEST for the booked and the
 * moved time, CANCEL when called off; DTSTART in Europe/Amsterdam with its VTIMEZONE; one UID for
 * the meeting throughout and a SEQUENCE that rises with each change, across a clock change.
 */
class CalendarMailTest {
  static MeetingWorld world;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /**
   * One calendar entry. The start is read as an instant and placed in Europe/Amsterdam right away:
   * ical4j's own zone for it can lose its rules later (its registry does not keep them), which made
   * a later Duration.between fail now and then.
   */
  record Entry(String method, String uid, int sequence, ZonedDateTime start, String tzid) {}

  static Entry entry(MimeMessage m) {
    Calendar ics = MeetingWorld.ics(m).orElseThrow(() -> new AssertionError("no .ics"));
    VEvent e = (VEvent) ics.getComponent("VEVENT").orElseThrow();
    assertEquals(
        "Europe/Amsterdam",
        ics.getComponent("VTIMEZONE").orElseThrow().getProperty("TZID").orElseThrow().getValue());
    var start = e.getStartDate().orElseThrow();
    return new Entry(
        ics.getProperty("METHOD").orElseThrow().getValue(),
        e.getProperty("UID").orElseThrow().getValue(),
        Integer.parseInt(e.getProperty("SEQUENCE").orElseThrow().getValue()),
        ZonedDateTime.ofInstant(Instant.from(start.getDate()), ZoneId.of("Europe/Amsterdam")),
        start.getParameter("TZID").orElseThrow().getValue());
  }

  @Test
  void theUidStaysWhileTheSequenceRisesFromBookingToMoveToCancellationAcrossTheClockChange() {
    LocalDate change = SlotsTest.nextChange(Month.MARCH);
    LocalDate fridayBefore = change.minusDays(2);
    LocalDate mondayAfter = change.plusDays(1);
    world.addSlots(Map.of("firstDay", fridayBefore.toString()));
    world.addSlots(Map.of("firstDay", mondayAfter.toString()));
    long before = world.slotAt(fridayBefore.atTime(19, 0));
    long after = world.slotAt(mondayAfter.atTime(19, 0));
    Browser student = Buddies.student(world.platform, "s-ics", "Jesse", "Mulder");
    long studentId = world.personId("s-ics");
    long meeting = world.plan(studentId, "VOORTGANG", before);
    world.awaitMailLog(meeting, 2);

    String page = world.url("/class/" + world.courseId + "/meetings/" + meeting);
    world.mentor.postForm(
        page + "/book",
        Map.of("csrf", ClassPages.csrf(world.mentor.get(page)), "slot", String.valueOf(after)));
    world.awaitMailLog(meeting, 4);
    world.mentor.postForm(
        page + "/cancel", Map.of("csrf", ClassPages.csrf(world.mentor.get(page))));
    world.awaitMailLog(meeting, 6);

    List<MimeMessage> mails = world.mailsTo("s-ics@school.example");
    assertEquals(3, mails.size());
    Entry booked = entry(mails.get(0));
    Entry moved = entry(mails.get(1));
    Entry cancelled = entry(mails.get(2));
    assertTrue(MeetingWorld.subject(mails.get(0)).startsWith("Afgesproken: Voortgangsgesprek op "));
    assertTrue(MeetingWorld.subject(mails.get(1)).startsWith("Nieuwe tijd: Voortgangsgesprek op "));
    assertTrue(
        MeetingWorld.subject(mails.get(2)).startsWith("Gaat niet door: Voortgangsgesprek op "));

    assertEquals(
        List.of("REQUEST", "REQUEST", "CANCEL"),
        List.of(booked.method(), moved.method(), cancelled.method()));
    assertEquals(booked.uid(), moved.uid());
    assertEquals(booked.uid(), cancelled.uid());
    assertEquals(
        List.of(0, 1, 2), List.of(booked.sequence(), moved.sequence(), cancelled.sequence()));
    assertEquals("Europe/Amsterdam", booked.tzid());

    ZonedDateTime first = booked.start();
    ZonedDateTime second = moved.start();
    assertEquals(LocalTime.of(19, 0), first.toLocalTime());
    assertEquals(LocalTime.of(19, 0), second.toLocalTime());
    assertEquals(
        fridayBefore.atTime(18, 0).toInstant(java.time.ZoneOffset.UTC), Instant.from(first));
    assertEquals(
        mondayAfter.atTime(17, 0).toInstant(java.time.ZoneOffset.UTC), Instant.from(second));
    assertEquals(Duration.ofHours(71), Duration.between(first, second));
    assertEquals(second.toInstant(), cancelled.start().toInstant(), "the cancelled time");

    List<MimeMessage> mentor = world.mailsTo("m-1@school.example");
    assertEquals(booked.uid(), entry(mentor.get(mentor.size() - 1)).uid(), "same entry for all");
    String log = world.mentor.get(page).body();
    assertTrue(log.contains("Afzegging"), log);
    assertTrue(log.contains("s-ics@school.example"), log);
  }

  @Test
  void aTimeGivenBackAndBookedAgainIsANewCalendarEntry() {
    world.addSlots(Map.of("from", "10:00"));
    world.addSlots(Map.of("from", "11:00"));
    long ten = world.slotAt(MeetingWorld.mondayInTwoWeeks().atTime(10, 0));
    long eleven = world.slotAt(MeetingWorld.mondayInTwoWeeks().atTime(11, 0));
    Browser student = Buddies.student(world.platform, "s-again", "Mila", "Dekker");
    long meeting = world.plan(world.personId("s-again"), "VOORTGANG", ten);
    world.awaitMailLog(meeting, 2);
    String csrf = ClassPages.csrf(student.get(world.url("/me/meetings")));
    student.postForm(world.url("/me/meetings/" + meeting + "/cancel"), Map.of("csrf", csrf));
    world.awaitMailLog(meeting, 4);
    student.postForm(
        world.url("/me/meetings/" + meeting + "/book"),
        Map.of("csrf", csrf, "slot", String.valueOf(eleven)));
    world.awaitMailLog(meeting, 6);
    List<MimeMessage> mails = world.mailsTo("s-again@school.example");
    Entry first = entry(mails.get(0));
    Entry cancelled = entry(mails.get(1));
    Entry again = entry(mails.get(2));
    assertEquals("CANCEL", cancelled.method());
    assertEquals(first.uid(), cancelled.uid());
    assertEquals(1, cancelled.sequence());
    assertNotEquals(first.uid(), again.uid());
    assertEquals(0, again.sequence());
  }
}
