package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Slot series across the two clock changes of 2026 (last Sunday of March: 29 March, last Sunday of
 * October: 25 October). Talks keep their wall-clock time; the instants move by the hour.
 */
class SlotPlanTest {
  static final Set<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  static SlotPlan evenings(LocalDate first, LocalDate last) {
    return new SlotPlan(
        first, last, WORKDAYS, LocalTime.of(19, 0), LocalTime.of(20, 0), 20, 0, null, null);
  }

  @Test
  void anEveningSeriesAcrossTheSpringChangeKeepsSevenOClockLocalAndShiftsTheInstant() {
    SlotPlan.Expansion x =
        evenings(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 4, 3)).expand(SlotTime.AMSTERDAM);
    assertEquals(List.of(), x.nonexistent());
    assertEquals(30, x.times().size(), "3 talks on each of 10 school days");
    for (SlotTime t : x.times()) {
      assertTrue(
          List.of(LocalTime.of(19, 0), LocalTime.of(19, 20), LocalTime.of(19, 40))
              .contains(t.start().toLocalTime()),
          t.toString());
      assertTrue(t.evening());
    }
    SlotTime friday = at(x, LocalDateTime.of(2026, 3, 27, 19, 0));
    SlotTime monday = at(x, LocalDateTime.of(2026, 3, 30, 19, 0));
    assertEquals(Instant.parse("2026-03-27T18:00:00Z"), friday.startsAt(), "CET, UTC+1");
    assertEquals(Instant.parse("2026-03-30T17:00:00Z"), monday.startsAt(), "CEST, UTC+2");
    assertEquals(Duration.ofHours(71), Duration.between(friday.startsAt(), monday.startsAt()));
    assertEquals(Duration.ofMinutes(20), Duration.between(monday.startsAt(), monday.endsAt()));
  }

  @Test
  void anEveningSeriesAcrossTheAutumnChangeKeepsSevenOClockLocalAndShiftsTheInstant() {
    SlotPlan.Expansion x =
        evenings(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 30)).expand(SlotTime.AMSTERDAM);
    assertEquals(30, x.times().size());
    SlotTime friday = at(x, LocalDateTime.of(2026, 10, 23, 19, 0));
    SlotTime monday = at(x, LocalDateTime.of(2026, 10, 26, 19, 0));
    assertEquals(Instant.parse("2026-10-23T17:00:00Z"), friday.startsAt(), "CEST, UTC+2");
    assertEquals(Instant.parse("2026-10-26T18:00:00Z"), monday.startsAt(), "CET, UTC+1");
    assertEquals(Duration.ofHours(73), Duration.between(friday.startsAt(), monday.startsAt()));
  }

  @Test
  void wallClockTimesSkippedInTheSpringDoNotBecomeSlots() {
    SlotPlan night =
        new SlotPlan(
            LocalDate.of(2026, 3, 29),
            LocalDate.of(2026, 3, 29),
            Set.of(DayOfWeek.SUNDAY),
            LocalTime.of(1, 30),
            LocalTime.of(3, 30),
            30,
            0,
            null,
            null);
    SlotPlan.Expansion x = night.expand(SlotTime.AMSTERDAM);
    assertEquals(
        List.of(LocalDateTime.of(2026, 3, 29, 2, 0), LocalDateTime.of(2026, 3, 29, 2, 30)),
        x.nonexistent());
    assertEquals(
        List.of(LocalTime.of(1, 30), LocalTime.of(3, 0)),
        x.times().stream().map(t -> t.start().toLocalTime()).toList());
    assertEquals(
        Duration.ofMinutes(30),
        Duration.between(x.times().get(0).startsAt(), x.times().get(1).startsAt()),
        "01:30 CET and 03:00 CEST are half an hour apart");
  }

  @Test
  void theRepeatedAutumnHourTakesTheFirstOfTheTwo() {
    SlotTime t = new SlotTime(LocalDateTime.of(2026, 10, 25, 2, 30), 60, SlotTime.AMSTERDAM);
    assertEquals(Instant.parse("2026-10-25T00:30:00Z"), t.startsAt(), "still summer time");
    assertEquals(Instant.parse("2026-10-25T01:30:00Z"), t.endsAt());
    assertEquals(
        LocalTime.of(2, 30), t.zonedEnd().toLocalTime(), "an hour later it is 02:30 again");
  }

  @Test
  void breaksAndAPauseLeaveGapsBetweenTalks() {
    SlotPlan plan =
        new SlotPlan(
            LocalDate.of(2026, 9, 14),
            LocalDate.of(2026, 9, 14),
            Set.of(DayOfWeek.MONDAY),
            LocalTime.of(18, 0),
            LocalTime.of(21, 0),
            20,
            5,
            LocalTime.of(19, 30),
            LocalTime.of(19, 45));
    assertEquals(
        List.of("18:00", "18:25", "18:50", "19:45", "20:10", "20:35"),
        plan.startsOnOneDay().stream().map(LocalTime::toString).toList());
  }

  @Test
  void aSingleTalkWithoutEndTime() {
    SlotPlan one =
        new SlotPlan(
            LocalDate.of(2026, 9, 15),
            LocalDate.of(2026, 9, 15),
            Set.of(DayOfWeek.TUESDAY),
            LocalTime.of(15, 30),
            null,
            30,
            0,
            null,
            null);
    List<SlotTime> times = one.expand(SlotTime.AMSTERDAM).times();
    assertEquals(1, times.size());
    assertFalse(times.get(0).evening());
    assertEquals("TUESDAY-AFTERNOON", times.get(0).dayPart().orElseThrow().code());
  }

  @Test
  void overlapIsSharedTimeNotTouchingEnds() {
    SlotTime t = new SlotTime(LocalDateTime.of(2026, 9, 14, 19, 0), 20, SlotTime.AMSTERDAM);
    Instant end = t.endsAt();
    assertFalse(t.overlaps(end, end.plusSeconds(1200)), "the next talk may start when this ends");
    assertTrue(t.overlaps(end.minusSeconds(60), end.plusSeconds(1200)));
  }

  private static SlotTime at(SlotPlan.Expansion x, LocalDateTime local) {
    return x.times().stream().filter(t -> t.start().equals(local)).findFirst().orElseThrow();
  }
}
