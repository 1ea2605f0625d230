package nl.samenaanwezig.meetings;

import java.util.List;
import nl.samenaanwezig.buddies.Availability;

/**
 * When "none of these times fit": the mentor's free times that fit everyone's stated availability
 * (a buddy's answer, else the days and parts on their profile; the student's answer). A party who
 * named nothing does not narrow the choice.
 */
public final class Proposals {
  private Proposals() {}

  /** The slots whose weekday part is in every non-empty availability. */
  public static List<Slot> fitting(List<Slot> free, List<Availability> everyone) {
    List<Availability> constraints = everyone.stream().filter(a -> !a.isEmpty()).toList();
    if (constraints.isEmpty()) {
      return List.of();
    }
    return free.stream()
        .filter(
            s ->
                s.time()
                    .dayPart()
                    .map(part -> constraints.stream().allMatch(a -> a.slots().contains(part)))
                    .orElse(false))
        .toList();
  }
}
