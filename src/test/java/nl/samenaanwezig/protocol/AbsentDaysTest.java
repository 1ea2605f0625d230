package nl.samenaanwezig.protocol;

import static nl.samenaanwezig.attendance.MarkCategory.LATE;
import static nl.samenaanwezig.attendance.MarkCategory.MEDICAL;
import static nl.samenaanwezig.attendance.MarkCategory.PRESENT;
import static nl.samenaanwezig.attendance.MarkCategory.SICK;
import static nl.samenaanwezig.attendance.MarkCategory.UNEXCUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rule for students under 18: school days in a row missed without a valid reason make the
 * mentor call home the same day. Crafted days through the real lesson register.
 */
class AbsentDaysTest {
  static ToolServer tool;
  ProtocolFixture f;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
  }

  @AfterAll
  static void stop() {
    tool.close();
  }

  @BeforeEach
  void aFreshSchool() {
    f = new ProtocolFixture(tool);
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  private void absentAllDay(String iso) {
    f.day(day(iso), UNEXCUSED, UNEXCUSED, UNEXCUSED);
  }

  private List<Signal> open(String today) {
    return f.open(day(today), Rule.ABSENT_DAYS);
  }

  @Test
  void theSecondDayInARowAsksForACallHomeThatSameDay() {
    f.day(day("2026-11-02"), PRESENT, PRESENT, PRESENT);
    absentAllDay("2026-11-03");
    assertEquals(List.of(), open("2026-11-03"), "one day is not yet two");
    absentAllDay("2026-11-04");
    Finding found = open("2026-11-04").get(0).finding();
    assertEquals("absent_days", found.fact());
    assertEquals(2, found.amount());
    assertEquals(day("2026-11-03"), found.from());
    assertEquals(day("2026-11-04"), found.since());
    assertEquals(day("2026-11-04"), found.due(), "call home the same day");
    // A third day extends the run; the call was due on the second.
    absentAllDay("2026-11-05");
    Finding longer = open("2026-11-05").get(0).finding();
    assertEquals(3, longer.amount());
    assertEquals(day("2026-11-04"), longer.due());
  }

  @Test
  void theInstitutionsNumberOfDaysApplies() {
    new ProtocolSettings(tool.db(), Clock.systemUTC())
        .save(
            f.institutionId(), new RuleSetting(Rule.ABSENT_DAYS, true, List.of(3)), f.mentor.id());
    absentAllDay("2026-11-02");
    absentAllDay("2026-11-03");
    assertEquals(List.of(), open("2026-11-03"), "N - 1 days");
    absentAllDay("2026-11-04");
    assertEquals(day("2026-11-04"), open("2026-11-04").get(0).finding().since());
  }

  @Test
  void anExcusedDayOrADayAtSchoolBreaksTheRun() {
    absentAllDay("2026-11-02");
    f.day(day("2026-11-03"), MEDICAL, MEDICAL, MEDICAL);
    absentAllDay("2026-11-04");
    assertEquals(List.of(), open("2026-11-04"), "a doctor's day in between");
    f.day(day("2026-11-05"), SICK, SICK, SICK);
    absentAllDay("2026-11-06");
    assertEquals(List.of(), open("2026-11-06"), "a sick day in between");
    // Late in one lesson is being there: that day is no absent day.
    f.day(day("2026-11-09"), UNEXCUSED, LATE, UNEXCUSED);
    absentAllDay("2026-11-10");
    assertEquals(List.of(), open("2026-11-10"), "came late");
  }

  @Test
  void weekendsAndHolidaysDoNotBreakTheRun() {
    f.holiday("2026-10-17", "2026-10-25");
    absentAllDay("2026-10-16");
    absentAllDay("2026-10-26");
    Finding found = open("2026-10-26").get(0).finding();
    assertEquals(day("2026-10-16"), found.from());
    assertEquals(day("2026-10-26"), found.since());
  }

  @Test
  void aCallHomeHandlesTheRunAndCountingRestarts() {
    absentAllDay("2026-11-02");
    absentAllDay("2026-11-03");
    f.acknowledge(day("2026-11-03"), Rule.ABSENT_DAYS, 1, null);
    absentAllDay("2026-11-04");
    Signal handled =
        f.signals(day("2026-11-04")).stream()
            .filter(s -> s.rule() == Rule.ABSENT_DAYS)
            .findFirst()
            .orElseThrow();
    assertEquals(Signal.Status.HANDLED, handled.status());
    // Still away two days after the call: call again.
    absentAllDay("2026-11-05");
    assertEquals(day("2026-11-05"), open("2026-11-05").get(0).finding().since());
  }

  @Test
  void onlyForStudentsWithTheDutyToAttend() {
    absentAllDay("2026-11-02");
    absentAllDay("2026-11-03");
    assertEquals(1, open("2026-11-03").size(), "the assumed duty: under 18");
    new Duties(tool.db(), Clock.systemUTC()).set(f.student.id(), Duty.RMC, f.mentor.id());
    assertEquals(List.of(), open("2026-11-03"), "18 or older");
  }

  @Test
  void aRunOlderThanFourWeeksAsksForNoCallToday() {
    absentAllDay("2026-10-01");
    absentAllDay("2026-10-02");
    assertEquals(1, open("2026-10-28").size());
    assertEquals(List.of(), open("2026-10-29"));
  }

  @Test
  void theStepSaysWhoCallsWhomAndWhy() {
    RuleSetting setting = RuleSetting.defaults(Rule.ABSENT_DAYS);
    StepText nl =
        StepText.of(ProtocolStep.of(Rule.ABSENT_DAYS, 1), setting, Locale.forLanguageTag("nl"));
    assertEquals("2 dagen afwezig zonder reden: vandaag naar huis bellen", nl.title());
    assertEquals(List.of("mentor"), nl.who());
    assertEquals(
        "Ben je jonger dan 18 en 2 of meer schooldagen achter elkaar weg zonder geldige reden?"
            + " Dan belt je mentor nog dezelfde dag naar huis.",
        nl.forStudent());
    StepText en = StepText.of(ProtocolStep.of(Rule.ABSENT_DAYS, 1), setting, Locale.ENGLISH);
    assertEquals("2 days absent without a reason: call home today", en.title());
  }
}
