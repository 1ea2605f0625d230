package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class CalendarInviteTest {
  static CalendarInvite.Event event(CalendarInvite.Method method, LocalDateTime start) {
    return new CalendarInvite.Event(
        method,
        "mol-7-abc@samen-aanwezig",
        3,
        new SlotTime(start, 20, SlotTime.AMSTERDAM),
        "Kennismakingsgesprek: Fenna Kok",
        "- Aanwezigheid",
        "Op school, B1.12",
        new CalendarInvite.Person("Jeroen Smits", "m-1@school.example"),
        List.of(new CalendarInvite.Person("Fenna Kok", "fenna@school.example")),
        Instant.parse("2026-11-22T10:00:00Z"));
  }

  @Test
  void aRequestCarriesItsOwnAmsterdamTimeZoneAndValidates() throws Exception {
    String text =
        CalendarInvite.of(
            event(CalendarInvite.Method.REQUEST, LocalDateTime.of(2027, 3, 29, 19, 0)));
    assertTrue(text.contains("\r\n"), "CRLF line ends");
    assertTrue(text.contains("TZID:Europe/Amsterdam"), text);
    assertTrue(text.contains("DTSTART;TZID=Europe/Amsterdam:20270329T190000"), text);
    assertTrue(text.contains("ORGANIZER;CN=Jeroen Smits:mailto:m-1@school.example"), text);
    Calendar back = new CalendarBuilder().build(new StringReader(text));
    back.validate();
    VEvent e = (VEvent) back.getComponent("VEVENT").orElseThrow();
    assertEquals(
        Instant.parse("2027-03-29T17:00:00Z"),
        Instant.from(e.getStartDate().orElseThrow().getDate()));
    assertEquals("CONFIRMED", e.getProperty("STATUS").orElseThrow().getValue());
  }

  @Test
  void aCancellationSaysCancelTwice() throws Exception {
    String text =
        CalendarInvite.of(
            event(CalendarInvite.Method.CANCEL, LocalDateTime.of(2027, 1, 11, 19, 0)));
    Calendar back = new CalendarBuilder().build(new StringReader(text));
    assertEquals("CANCEL", back.getProperty("METHOD").orElseThrow().getValue());
    VEvent e = (VEvent) back.getComponent("VEVENT").orElseThrow();
    assertEquals("CANCELLED", e.getProperty("STATUS").orElseThrow().getValue());
    assertEquals("3", e.getProperty("SEQUENCE").orElseThrow().getValue());
    assertEquals(
        Instant.parse("2027-01-11T18:00:00Z"),
        Instant.from(e.getStartDate().orElseThrow().getDate()));
  }
}
