package nl.samenaanwezig.meetings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.BuddyDetails;
import nl.samenaanwezig.buddies.BuddyViews;
import nl.samenaanwezig.buddies.PhoneNumbers;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent.DataKind;
import nl.samenaanwezig.privacy.AuditEvent.Operation;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.web.Pages;

/**
 * The campaign page's people: per invited student the meeting, the "none of these times fit"
 * answers with the proposed times that fit everyone, and per buddy how to reach them (phone only
 * where the consent rule allows, the personal link to pass on) or why not. Reading the buddies is
 * audited.
 */
final class CallList {
  private final MeetingBook meetings;
  private final BuddyBook buddies;
  private final BuddyLinks links;
  private final Slots slots;
  private final AuditLog audit;
  private final Clock clock;

  CallList(
      MeetingBook meetings,
      BuddyBook buddies,
      BuddyLinks links,
      Slots slots,
      AuditLog audit,
      Clock clock) {
    this.meetings = meetings;
    this.buddies = buddies;
    this.links = links;
    this.slots = slots;
    this.audit = audit;
    this.clock = clock;
  }

  /** One invited student on the campaign page. */
  public record Invitee(
      Views.MeetingLine meeting,
      boolean open,
      List<String> answers,
      List<Contact> contacts,
      List<Views.SlotOption> proposals) {}

  /**
   * One buddy on the campaign page: how the school may reach them (phone only where the rule
   * allows), the link to give them, and why not when not.
   */
  public record Contact(
      long buddyId,
      String name,
      String relationship,
      String route,
      String reason,
      String phone,
      String phoneHref,
      String smsHref,
      String email,
      String link,
      List<String> times,
      boolean shiftWork) {}

  /** Everyone invited in the campaign, in name order, as the mentor with this id reads them. */
  List<Invitee> of(long campaignId, long mentorId, Locale l) {
    Instant now = clock.instant();
    List<Invitee> invitees = new ArrayList<>();
    for (Meeting m : meetings.ofCampaign(campaignId)) {
      BuddyBook.Overview today = buddies.overview(m.student().id(), buddies.today());
      BuddyBook.Overview onDay = buddies.overview(m.student().id(), m.day(buddies.today()));
      Participants participants = Participants.of(m, today, onDay);
      if (!participants.buddies().isEmpty()) {
        audit.record(
            Actor.mentor(mentorId), m.student().id(), Operation.READ, DataKind.BUDDY, null);
      }
      List<BuddyLink> meetingLinks = links.of(m.id());
      List<Contact> contacts = new ArrayList<>();
      for (Reach r : participants.buddies()) {
        contacts.add(contact(r, meetingLinks, now, l, m));
      }
      List<Answer> answers = meetings.answers(m.id());
      List<String> answerTexts = answers.stream().map(a -> Views.answerText(a, l)).toList();
      boolean open = m.status() == MeetingStatus.OPEN;
      List<Views.SlotOption> proposals =
          open
              ? Proposals.forMeeting(m, participants, answers, slots.offeredFor(m)).stream()
                  .map(s -> Views.option(s, l, now))
                  .toList()
              : List.of();
      invitees.add(new Invitee(Views.line(m, l), open, answerTexts, contacts, proposals));
    }
    return invitees;
  }

  private Contact contact(Reach r, List<BuddyLink> meetingLinks, Instant now, Locale l, Meeting m) {
    BuddyDetails d = r.buddy().details();
    boolean allowed = r.allowed();
    String link =
        allowed
            ? meetingLinks.stream()
                .filter(k -> k.buddy().id().equals(r.buddy().id()))
                .filter(k -> k.stateAt(now) == BuddyLink.State.ACTIVE)
                .findFirst()
                .map(links::url)
                .orElse(null)
            : null;
    String sms =
        allowed && link != null
            ? "sms:"
                + d.phone()
                + "?body="
                + URLEncoder.encode(
                        Pages.text(l, "campaign.sms", m.student().displayName(), link),
                        StandardCharsets.UTF_8)
                    .replace("+", "%20")
            : null;
    return new Contact(
        r.buddy().id(),
        d.name(),
        BuddyViews.relationship(r.buddy(), l),
        Pages.text(l, "campaign.route." + r.route().name()),
        r.decision().reason(l),
        allowed ? PhoneNumbers.display(d.phone()) : null,
        allowed ? "tel:" + d.phone() : null,
        sms,
        allowed ? d.email() : null,
        link,
        allowed ? BuddyViews.times(d.availability(), l) : List.of(),
        allowed && d.shiftWork());
  }
}
