package nl.samenaanwezig.meetings;

import java.util.Objects;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.BuddyDetails;
import nl.samenaanwezig.buddies.Channel;
import nl.samenaanwezig.buddies.Decision;

/**
 * How the school may reach one buddy about a meeting: by mail, by phone from the mentor's call
 * list, or not at all. Only the consent rule's "yes" for invitations opens a way; then a buddy who
 * prefers the phone or has no e-mail address is called instead of mailed (many buddies do not read
 * mail).
 */
public record Reach(Buddy buddy, Decision decision, Route route) {

  /** The way to the buddy. */
  public enum Route {
    MAIL,
    CALL_LIST,
    /** No consent (or no longer): no mail, no link, no phone number shown. */
    NONE
  }

  public Reach {
    Objects.requireNonNull(buddy);
    Objects.requireNonNull(decision);
    Objects.requireNonNull(route);
  }

  /**
   * The route for a buddy given the rule's answer for invitations: {@code decision} must be the
   * answer that counts (today for a mail, and on the day of the talk for taking part).
   */
  public static Reach of(Buddy buddy, Decision decision) {
    if (!decision.allowed()) {
      return new Reach(buddy, decision, Route.NONE);
    }
    BuddyDetails d = buddy.details();
    boolean prefersPhone = d.channel() == Channel.CALL || d.channel() == Channel.SMS_WHATSAPP;
    boolean hasMail = d.email() != null && !d.email().isBlank();
    return new Reach(buddy, decision, hasMail && !prefersPhone ? Route.MAIL : Route.CALL_LIST);
  }

  public boolean allowed() {
    return route != Route.NONE;
  }
}
