package nl.samenaanwezig.meetings;

import java.util.ArrayList;
import java.util.List;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.Decision;
import nl.samenaanwezig.buddies.Topic;
import nl.samenaanwezig.lti.Person;

/**
 * Who takes part in a meeting: the mentor, the student (always, as partner) and every buddy the
 * consent rule allows for invitations both today (when we contact them) and on the day of the talk
 * (a student who turns 18 in between decides again). The other buddies are listed with the reason.
 */
public record Participants(Person mentor, Person student, List<Reach> buddies) {

  public Participants {
    buddies = List.copyOf(buddies);
  }

  /**
   * @param today the student's buddies as the rule sees them today
   * @param onDay the same on the day of the talk (equal to {@code today} while no time is booked)
   */
  public static Participants of(
      Meeting meeting, BuddyBook.Overview today, BuddyBook.Overview onDay) {
    List<Reach> reaches = new ArrayList<>();
    for (BuddyBook.BuddyState now : today.buddies()) {
      Decision decision = now.decisions().get(Topic.MEETING_INVITATIONS);
      if (decision.allowed()) {
        decision =
            onDay.buddies().stream()
                .filter(s -> s.buddy().id().equals(now.buddy().id()))
                .map(s -> s.decisions().get(Topic.MEETING_INVITATIONS))
                .findFirst()
                .orElse(decision);
      }
      reaches.add(Reach.of(now.buddy(), decision));
    }
    return new Participants(meeting.mentor(), meeting.student(), reaches);
  }

  /** The buddies who take part. */
  public List<Reach> allowedBuddies() {
    return buddies.stream().filter(Reach::allowed).toList();
  }

  /** The buddies to mail. */
  public List<Reach> mailed() {
    return buddies.stream().filter(r -> r.route() == Reach.Route.MAIL).toList();
  }

  /** The buddies the mentor calls instead. */
  public List<Reach> called() {
    return buddies.stream().filter(r -> r.route() == Reach.Route.CALL_LIST).toList();
  }
}
