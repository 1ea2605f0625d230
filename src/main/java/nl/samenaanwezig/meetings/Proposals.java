package nl.samenaanwezig.meetings;

import java.util.ArrayList;
import java.util.List;
import nl.samenaanwezig.buddies.Availability;

/**
 * When "none of these times fit": the mentor's free times that fit everyone's stated availability
 * (a buddy's answer, else the days and parts on their profile; the student's answer). A party who
 * named nothing does not narrow the choice.
 */
public final class Proposals {
  private Proposals() {}

  /**
   * The free times to propose for a meeting, or none while nobody said the times do not fit. For a
   * planned meeting only answers given after the booking count (the booked time no longer fits).
   *
   * @param answers the meeting's answers, newest first: each party's first one counts
   * @param free the mentor's times that are still offered for this meeting
   */
  public static List<Slot> forMeeting(
      Meeting meeting, Participants participants, List<Answer> answers, List<Slot> free) {
    List<Answer> current =
        answers.stream()
            .filter(
                a ->
                    meeting.status() == MeetingStatus.OPEN
                        || (meeting.status() == MeetingStatus.PLANNED
                            && a.createdAt().isAfter(meeting.bookedAt())))
            .toList();
    if (current.isEmpty()) {
      return List.of();
    }
    List<Availability> everyone = new ArrayList<>();
    current.stream()
        .filter(a -> a.answeredBy() == Who.STUDENT)
        .findFirst()
        .ifPresent(a -> everyone.add(a.availability()));
    for (Reach r : participants.allowedBuddies()) {
      everyone.add(
          current.stream()
              .filter(a -> a.buddy().map(b -> b.id().equals(r.buddy().id())).orElse(false))
              .findFirst()
              .map(Answer::availability)
              .orElse(r.buddy().details().availability()));
    }
    return fitting(free, everyone);
  }

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
