package nl.samenaanwezig.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The kinds of MOL-gesprek, each with its agenda template; attendance is on every agenda. */
public enum MeetingKind {
  /** Kennismakingsgesprek: start of the year or intake, before any problem. */
  KENNISMAKING("expectations", "buddy", "contact"),
  /** Voortgangsgesprek: progress, about five a year. */
  VOORTGANG("progress", "agreements", "nextSteps"),
  /** Gesprek over aanwezigheid: offered from a protocol signal. */
  AANWEZIGHEID("pattern", "causes", "support", "agreements"),
  /** Evaluatiegesprek: looking back at earlier agreements. */
  EVALUATIE("agreements", "progress", "nextSteps");

  /** The agenda item every MOL-gesprek has (seed 000, tip 7). */
  public static final String ATTENDANCE = "attendance";

  private final List<String> items;

  MeetingKind(String... items) {
    this.items = List.of(items);
  }

  /** Message key of the kind's name, e.g. {@code meeting.kind.KENNISMAKING}. */
  public String key() {
    return "meeting.kind." + name();
  }

  /** The agenda as message keys: the kind's own items with attendance always among them. */
  public List<String> agenda() {
    List<String> agenda = new ArrayList<>();
    for (String item : items) {
      agenda.add("meeting.agenda." + item);
    }
    String attendance = "meeting.agenda." + ATTENDANCE;
    if (!agenda.contains(attendance)) {
      // Attendance right after the opening item: it is a subject of every talk, not an extra.
      agenda.add(Math.min(1, agenda.size()), attendance);
    }
    return List.copyOf(agenda);
  }

  /** The kind for a posted value; empty input or an unknown value is none. */
  public static java.util.Optional<MeetingKind> of(String value) {
    if (value == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
