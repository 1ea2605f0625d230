package nl.samenaanwezig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.samenaanwezig.web.Locales;
import org.junit.jupiter.api.Test;

/** The institution-wide list by rule, by class and by page of 50. */
class SignalFilterTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  /** 120 lateness signals in class 1, 3 DUO signals in class 2, 60 handled lateness signals. */
  private static List<Signal> day() {
    List<Signal> all = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      all.add(open(1, 1000 + i, Rule.LATENESS, 1 + i % 3));
    }
    for (int i = 0; i < 3; i++) {
      all.add(open(2, 2000 + i, Rule.DUO, 1));
    }
    for (int i = 0; i < 60; i++) {
      all.add(
          new Signal(
              1,
              3000 + i,
              ProtocolStep.of(Rule.LATENESS, 1),
              Signal.Status.HANDLED,
              null,
              new Signal.Handling(i, "Mentor", java.time.Instant.EPOCH, null, null)));
    }
    return all;
  }

  private static Signal open(long course, long person, Rule rule, int level) {
    return new Signal(
        course,
        person,
        ProtocolStep.of(rule, level),
        Signal.Status.OPEN,
        new Finding(rule, level, "x", 1, TODAY, TODAY, TODAY, null),
        null);
  }

  private static SignalFilter.Result apply(String rule, String course, String page) {
    return SignalFilter.parse(rule, course, page).apply(day(), id -> "Klas " + id, Locales.DUTCH);
  }

  @Test
  void allRulesShowTheFirstFiftyOpenSignalsInWorkingOrderAndAPageOfHandledOnes() {
    SignalFilter.Result r = apply(null, null, null);
    List<Signal> open = r.shown().stream().filter(Signal::open).toList();
    assertEquals(50, open.size());
    assertEquals(Rule.DUO, open.get(0).rule(), "DUO first");
    assertEquals(50, r.shown().size() - open.size(), "at most a page of handled ones");
    assertEquals(10, r.view().handledHidden());
    assertEquals(1, r.view().first());
    assertEquals(50, r.view().last());
    assertEquals(123, r.view().total());
    assertNull(r.view().previous());
    assertEquals("/admin/signals?page=2", r.view().next().href());
    assertEquals("Volgende 50", r.view().next().label());
    assertEquals("Alle regels (123)", r.view().rules().get(0).label());
    assertTrue(
        r.view()
            .rules()
            .contains(new SignalFilter.Option("LATENESS", "Te laat komen (ladder) (120)", false)));
    assertEquals(
        List.of("Alle klassen (2)", "Klas 1 (120)", "Klas 2 (3)"),
        r.view().courses().stream().map(SignalFilter.Option::label).toList());
  }

  @Test
  void theLastPageHoldsTheRestAndAPageTooFarShowsTheLast() {
    SignalFilter.Result last = apply("LATENESS", "1", "3");
    assertEquals(101, last.view().first());
    assertEquals(120, last.view().last());
    assertEquals("/admin/signals?rule=LATENESS&course=1&page=2", last.view().previous().href());
    assertNull(last.view().next());
    assertEquals(last.view(), apply("LATENESS", "1", "99").view());
  }

  @Test
  void aRuleOrAClassNarrowsTheListAndTheOtherChoicesCount() {
    SignalFilter.Result duo = apply("DUO", null, null);
    assertEquals(3, duo.shown().size());
    assertTrue(duo.shown().stream().allMatch(s -> s.rule() == Rule.DUO));
    assertTrue(duo.view().filtered());
    assertEquals(
        List.of("Alle klassen (1)", "Klas 2 (3)"),
        duo.view().courses().stream().map(SignalFilter.Option::label).toList());

    SignalFilter.Result class2 = apply(null, "2", null);
    assertEquals("Alle regels (3)", class2.view().rules().get(0).label());
    assertTrue(class2.view().courses().contains(new SignalFilter.Option("2", "Klas 2 (3)", true)));
  }

  @Test
  void aValueThatIsNotOfferedIsRefused() {
    for (String[] bad :
        new String[][] {
          {"NOPE", null, null},
          {"duo", null, null},
          {null, "abc", null},
          {null, "0", null},
          {null, null, "-1"},
          {null, null, "x"},
          {null, null, "99999999999"}
        }) {
      assertThrows(
          SignalFilter.Invalid.class,
          () -> SignalFilter.parse(bad[0], bad[1], bad[2]),
          String.join(",", String.valueOf(bad[0]), bad[1], bad[2]));
    }
    assertEquals(new SignalFilter(Optional.empty(), null, 1), SignalFilter.parse(" ", "", null));
  }
}
