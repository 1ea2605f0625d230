package nl.samenaanwezig.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * "Wie heeft vandaag een stap nodig?": signals in the order to work through them — open before
 * handled, then by rule (DUO and luxe verzuim first), an overdue or nearer deadline first, a higher
 * step first, then by name.
 */
record SignalList(List<SignalView> open, List<SignalView> handled) {
  /** By rule (DUO and luxe verzuim first), the nearer deadline first, a higher step first. */
  static final Comparator<Signal> WORK_ORDER =
      Comparator.comparing((Signal s) -> s.rule().ordinal())
          .thenComparing(SignalList::due, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(s -> -s.step().level());

  static SignalList of(
      List<Signal> signals,
      Protocol protocol,
      LongFunction<String> studentName,
      LongFunction<String> courseTitle,
      Locale locale,
      LocalDate today) {
    List<SignalView> open = new ArrayList<>();
    List<SignalView> handled = new ArrayList<>();
    List<Signal> sorted = new ArrayList<>(signals);
    sorted.sort(WORK_ORDER);
    for (Signal s : sorted) {
      SignalView v =
          SignalView.of(
              s,
              protocol.setting(s.rule()),
              studentName.apply(s.personId()),
              courseTitle.apply(s.courseId()),
              locale,
              today);
      (v.open() ? open : handled).add(v);
    }
    Comparator<SignalView> byName =
        Comparator.comparing((SignalView v) -> v.rule().ordinal())
            .thenComparing(v -> v.studentName() == null ? "" : v.studentName());
    handled.sort(byName);
    return new SignalList(open, handled);
  }

  private static LocalDate due(Signal s) {
    return s.finding() == null ? null : s.finding().due();
  }
}
