package nl.samenaanwezig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of the verzuimprotocol on crafted attendance, as {@link Signals} reads it. */
class ProtocolRulesTest {
  static ToolServer tool;
  ProtocolFixture f;

  static final LocalDate MON_2_NOV = LocalDate.of(2026, 11, 2);

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

  private Signal only(LocalDate today, Rule rule) {
    List<Signal> found = f.open(today, rule);
    assertEquals(1, found.size(), () -> "open " + rule + " signals: " + f.signals(today));
    return found.get(0);
  }

  // DUO: 16 hours unexcused in 4 school weeks

  @Test
  void lateMinutesCountTowardsTheSixteenHours() {
    f.absent(day("2026-11-02"), 5);
    f.absent(day("2026-11-09"), 5);
    f.absent(day("2026-11-16"), 5);
    f.late(day("2026-11-17"), 59);
    assertEquals(List.of(), f.open(day("2026-11-20"), Rule.DUO), "15 h 59 min is not yet 16 h");
    f.late(day("2026-11-18"), 1);
    Finding duo = only(day("2026-11-20"), Rule.DUO).finding();
    assertEquals(16 * 60, duo.amount());
    assertEquals(day("2026-11-18"), duo.since());
    // The four school weeks that end in the week the limit was reached.
    assertEquals(day("2026-10-26"), duo.from());
    // Five school days after Wednesday: Thu, Fri, Mon, Tue, Wed.
    assertEquals(day("2026-11-25"), duo.due());
  }

  @Test
  void sixteenHoursSpreadOverFiveSchoolWeeksIsNoSignal() {
    f.absent(day("2026-11-02"), 4);
    f.absent(day("2026-11-09"), 4);
    f.absent(day("2026-11-16"), 4);
    f.absent(day("2026-11-30"), 4);
    assertEquals(List.of(), f.open(day("2026-12-04"), Rule.DUO));
    f.absent(day("2026-11-23"), 4);
    assertEquals(day("2026-11-23"), only(day("2026-12-04"), Rule.DUO).finding().since());
  }

  @Test
  void holidayWeeksDoNotCountAsSchoolWeeks() {
    f.holiday("2026-10-17", "2026-10-25");
    f.absent(day("2026-10-05"), 4);
    f.absent(day("2026-10-12"), 4);
    // A lesson in the holiday week does not count either.
    f.absent(day("2026-10-21"), 4);
    f.absent(day("2026-10-26"), 4);
    assertEquals(List.of(), f.open(day("2026-10-30"), Rule.DUO));
    f.absent(day("2026-11-02"), 4);
    Finding duo = only(day("2026-11-04"), Rule.DUO).finding();
    assertEquals(day("2026-11-02"), duo.since());
    assertEquals(16 * 60, duo.amount());
  }

  @Test
  void theDeadlineSkipsWeekendsAndHolidays() {
    f.holiday("2026-12-19", "2027-01-03");
    f.absent(day("2026-12-18"), 8);
    f.absent(day("2026-12-18"), 8);
    assertEquals(day("2027-01-08"), only(day("2026-12-18"), Rule.DUO).finding().due());
  }

  @Test
  void countingRestartsAfterTheReport() {
    f.absent(day("2026-11-02"), 4);
    f.absent(day("2026-11-09"), 4);
    f.absent(day("2026-11-16"), 4);
    f.absent(day("2026-11-23"), 4);
    assertEquals(day("2026-11-23"), only(day("2026-11-24"), Rule.DUO).finding().since());
    f.acknowledge(day("2026-11-24"), Rule.DUO, 1, day("2026-11-24"));
    Signal handled =
        f.signals(day("2026-11-25")).stream().filter(s -> s.rule() == Rule.DUO).findFirst().get();
    assertEquals(Signal.Status.HANDLED, handled.status());
    assertEquals(day("2026-11-24"), handled.handledBy().reportedOn());
    // The day of the report itself is covered by it; only what comes after counts.
    f.absent(day("2026-11-24"), 4);
    f.absent(day("2026-11-25"), 4);
    f.absent(day("2026-11-30"), 4);
    f.absent(day("2026-12-07"), 4);
    assertEquals(List.of(), f.open(day("2026-12-07"), Rule.DUO));
    f.absent(day("2026-12-08"), 4);
    Finding again = only(day("2026-12-08"), Rule.DUO).finding();
    assertEquals(day("2026-12-08"), again.since());
    assertEquals(day("2026-11-25"), again.from());
    assertEquals(16 * 60, again.amount());
  }

  @Test
  void aDuoAcknowledgementNeedsTheDayOfTheReport() {
    f.absent(day("2026-11-02"), 8);
    f.absent(day("2026-11-02"), 8);
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> f.acknowledge(day("2026-11-03"), Rule.DUO, 1, null));
    assertEquals("a DUO acknowledgement needs the day of the report", missing.getMessage());
    IllegalArgumentException future =
        assertThrows(
            IllegalArgumentException.class,
            () -> f.acknowledge(day("2026-11-03"), Rule.DUO, 1, day("2026-11-04")));
    assertEquals("a report cannot be made in the future", future.getMessage());
  }

  // Lateness ladder 3-6-9-12 per school year

  @Test
  void latenessLadderClimbsAtThreeSixNineAndTwelve() {
    int[] expected = {0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4};
    LocalDate day = day("2026-09-07");
    for (int count = 1; count <= expected.length; count++) {
      f.late(day, 5);
      LocalDate today = day;
      int level =
          f.signals(today).stream()
              .filter(s -> s.rule() == Rule.LATENESS)
              .mapToInt(s -> s.step().level())
              .findFirst()
              .orElse(0);
      assertEquals(expected[count - 1], level, count + " times late");
      day = SchoolDays.plus(new nl.samenaanwezig.attendance.SchoolCalendar(List.of()), day, 1);
    }
  }

  @Test
  void latenessCountsPerSchoolYear() {
    f.late(day("2026-07-06"), 5);
    f.late(day("2026-07-07"), 5);
    f.late(day("2026-07-08"), 5);
    assertEquals(1, only(day("2026-07-09"), Rule.LATENESS).step().level());
    f.late(day("2026-09-07"), 5);
    f.late(day("2026-09-08"), 5);
    assertEquals(List.of(), f.signals(day("2026-09-09")));
  }

  @Test
  void anAcknowledgedStepStaysHandledUntilTheNextStep() {
    for (int i = 0; i < 3; i++) {
      f.late(day("2026-09-07").plusDays(i), 5);
    }
    assertEquals(1, only(day("2026-09-10"), Rule.LATENESS).step().level());
    f.acknowledge(day("2026-09-10"), Rule.LATENESS, 1, null);
    f.late(day("2026-09-14"), 5);
    f.late(day("2026-09-15"), 5);
    Signal handled = f.signals(day("2026-09-16")).get(0);
    assertEquals(Signal.Status.HANDLED, handled.status());
    assertEquals(1, handled.step().level());
    assertEquals(5, handled.finding().amount());
    f.late(day("2026-09-16"), 5);
    assertEquals(2, only(day("2026-09-16"), Rule.LATENESS).step().level());
  }

  // Sickness (MAZL): 4th report in 12 weeks, or 7 consecutive sick school days

  @Test
  void fridayAndMondaySickIsOneReport() {
    f.sick(day("2026-11-06"));
    f.sick(day("2026-11-09"));
    assertEquals(
        List.of(new SickSpells.Spell(day("2026-11-06"), day("2026-11-09"))),
        SickSpells.spells(
            List.of(
                new Day(day("2026-11-06"), 1, 60, 0, 0, 1, 0),
                new Day(day("2026-11-09"), 1, 60, 0, 0, 1, 0)),
            java.util.Set.of(day("2026-11-06"), day("2026-11-09")),
            day("2026-11-10"),
            null));
    // With two more reports that makes three, not four: no signal.
    f.present(day("2026-11-10"));
    f.sick(day("2026-11-11"));
    f.present(day("2026-11-12"));
    f.sick(day("2026-11-13"));
    assertEquals(List.of(), f.open(day("2026-11-16"), Rule.SICKNESS));
  }

  @Test
  void theFourthSickReportInTwelveWeeksSignals() {
    f.sick(day("2026-11-02"));
    f.present(day("2026-11-03"));
    f.sick(day("2026-11-04"));
    f.present(day("2026-11-05"));
    f.sick(day("2026-11-06"));
    f.present(day("2026-11-09"));
    assertEquals(List.of(), f.open(day("2026-11-16"), Rule.SICKNESS));
    f.sick(day("2026-11-16"));
    Finding found = only(day("2026-11-16"), Rule.SICKNESS).finding();
    assertEquals("sickness.reports", found.fact());
    assertEquals(4, found.amount());
    assertEquals(day("2026-11-16"), found.since());
    // Twelve weeks later the first report has left the window.
    assertEquals(List.of(), f.open(day("2027-01-25"), Rule.SICKNESS));
  }

  @Test
  void sevenConsecutiveSickSchoolDaysSignal() {
    for (String d : List.of("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06")) {
      f.sick(day(d));
    }
    f.sick(day("2026-11-09"));
    assertEquals(List.of(), f.open(day("2026-11-09"), Rule.SICKNESS), "six school days");
    f.sick(day("2026-11-10"));
    Finding found = only(day("2026-11-10"), Rule.SICKNESS).finding();
    assertEquals("sickness.long", found.fact());
    assertEquals(7, found.amount());
    assertEquals(day("2026-11-02"), found.from());
    assertEquals(day("2026-11-10"), found.to());
  }

  // Luxe verzuim: at once

  @Test
  void luxuryAbsenceSignalsAtOnceAndAgainAfterItWasHandled() {
    f.mark(day("2026-12-18"), 60, MarkCategory.LUXURY, 0);
    Finding found = only(day("2026-12-18"), Rule.LUXURY).finding();
    assertEquals("luxury.day", found.fact());
    assertEquals(1, found.amount());
    f.acknowledge(day("2026-12-18"), Rule.LUXURY, 1, null);
    assertEquals(List.of(), f.open(day("2027-01-04"), Rule.LUXURY));
    f.mark(day("2027-02-12"), 60, MarkCategory.LUXURY, 0);
    assertEquals(day("2027-02-12"), only(day("2027-02-12"), Rule.LUXURY).finding().since());
  }

  // RMC: 18-23 without startkwalificatie, 4 weeks of continuous unexcused absence

  @Test
  void fourWeeksOfContinuousAbsenceGoToTheRmcForStudentsRecordedAsSuch() {
    LocalDate d = MON_2_NOV;
    for (int i = 0; i < 19; i++) {
      f.absent(d, 1);
      d = SchoolDays.plus(new nl.samenaanwezig.attendance.SchoolCalendar(List.of()), d, 1);
    }
    LocalDate today = d.minusDays(1);
    assertEquals(List.of(), f.open(today, Rule.RMC), "the assumed duty is the DUO rule's");
    assertEquals(1, f.open(today, Rule.DUO).size());
    new Duties(tool.db(), Clock.systemUTC()).set(f.student.id(), Duty.RMC, f.mentor.id());
    assertEquals(List.of(), f.open(today, Rule.RMC), "19 school days are not yet 4 weeks");
    assertEquals(List.of(), f.open(today, Rule.DUO), "no DUO rule for an 18-23 year old");
    f.absent(d, 1);
    Finding found = only(d, Rule.RMC).finding();
    assertEquals(20, found.amount());
    assertEquals(MON_2_NOV, found.from());
  }

  @Test
  void aLessonAttendedBreaksTheContinuousAbsence() {
    new Duties(tool.db(), Clock.systemUTC()).set(f.student.id(), Duty.RMC, f.mentor.id());
    LocalDate d = MON_2_NOV;
    for (int i = 0; i < 20; i++) {
      if (i == 10) {
        f.late(d, 10);
      } else {
        f.absent(d, 1);
      }
      d = d.plusDays(d.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? 3 : 1);
    }
    assertEquals(List.of(), f.open(d, Rule.RMC));
  }

  // Institution settings

  @Test
  void theInstitutionsThresholdsAndSwitchesApply() {
    ProtocolSettings settings = new ProtocolSettings(tool.db(), Clock.systemUTC());
    settings.save(
        f.institutionId(),
        new RuleSetting(Rule.LATENESS, true, List.of(2, 4, 6, 8)),
        f.mentor.id());
    f.late(day("2026-09-07"), 5);
    f.late(day("2026-09-08"), 5);
    Signal signal = only(day("2026-09-08"), Rule.LATENESS);
    assertEquals(1, signal.step().level());
    assertEquals(
        "2 keer te laat: gesprek met de mentor",
        StepText.of(
                signal.step(),
                settings.of(f.institutionId()).setting(Rule.LATENESS),
                Locale.forLanguageTag("nl"))
            .title());
    settings.save(
        f.institutionId(),
        new RuleSetting(Rule.LATENESS, false, List.of(2, 4, 6, 8)),
        f.mentor.id());
    assertEquals(List.of(), f.signals(day("2026-09-08")));
  }

  @Test
  void aLadderMustClimbAndThresholdsStayInRange() {
    assertEquals(
        List.of(new RuleSetting.Problem("protocol.problem.ladder", null, List.of())),
        new RuleSetting(Rule.LATENESS, true, List.of(3, 6, 6, 12)).problems());
    assertEquals(
        List.of(
            new RuleSetting.Problem(
                "protocol.problem.range", "protocol.param.duo.hours", List.of(1, 100))),
        new RuleSetting(Rule.DUO, true, List.of(0, 4, 5)).problems());
    assertTrue(RuleSetting.defaults(Rule.SICKNESS).problems().isEmpty());
  }
}
