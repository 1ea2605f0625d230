package nl.samenaanwezig.meetings;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.BuddyDetails;
import nl.samenaanwezig.buddies.BuddyViews;
import nl.samenaanwezig.buddies.PhoneNumbers;
import nl.samenaanwezig.home.Frame;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent.DataKind;
import nl.samenaanwezig.privacy.AuditEvent.Operation;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.Pages;

/**
 * The mentor's MOL-planner for a class: times (one, or a series), the talks planned and to plan,
 * and campaigns, with the page that shows per campaign who booked, who did not and whom to call.
 */
@Path("/class/{courseId}/meetings")
@Produces(MediaType.TEXT_HTML)
public class PlannerResource {
  private static final Set<String> NOTICES =
      Set.of("slots.added", "slots.withdrawn", "campaign.started");

  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject Slots slots;
  @Inject Bookings bookings;
  @Inject Campaigns campaigns;
  @Inject MeetingBook meetings;
  @Inject BuddyBook buddies;
  @Inject BuddyLinks links;
  @Inject AuditLog audit;
  @Inject BaseUrl baseUrl;
  @Inject Clock clock;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** One offered time in the list. */
  public record SlotRow(
      long id,
      String label,
      String place,
      boolean evening,
      int booked,
      int capacity,
      long guardHours) {}

  /** One campaign in the list. */
  public record CampaignRow(long id, String kind, String started, int invited, int booked) {}

  @GET
  public String page(
      @PathParam("courseId") long courseId,
      @QueryParam("notice") String notice,
      @QueryParam("n") Integer count) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    String shown = notice != null && NOTICES.contains(notice) ? notice : null;
    return render(
        session,
        course,
        SlotForm.empty(buddies.today()),
        List.of(),
        shown,
        count == null ? 0 : count);
  }

  @POST
  @Path("slots")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addSlots(
      @PathParam("courseId") long courseId, MultivaluedMap<String, String> posted) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Locale locale = session.locale();
    SlotForm form = SlotForm.parse(posted, buddies.today());
    if (form.checked().isEmpty()) {
      List<String> texts = form.problems().stream().map(k -> Pages.text(locale, k)).toList();
      return Views.html(400, render(session, course, form, texts, null, 0));
    }
    Slots.Added added = slots.add(courseId, session.person().id(), form.checked().get(), locale);
    if (!added.ok()) {
      return Views.html(400, render(session, course, form, added.problems(), null, 0));
    }
    return Response.seeOther(
            URI.create(
                "/class/"
                    + courseId
                    + "/meetings?notice=slots.added&n="
                    + added.count()
                    + "#slots"))
        .build();
  }

  @POST
  @Path("slots/{slotId: \\d+}/withdraw")
  public Response withdraw(@PathParam("courseId") long courseId, @PathParam("slotId") long slotId) {
    Session session = sessions.require(request);
    mentorCourse(session, courseId);
    Slot slot =
        slots.upcoming(courseId).stream()
            .filter(s -> s.id() == slotId)
            .findFirst()
            .orElseThrow(NotFoundException::new);
    int released = bookings.withdrawSlot(slot.id());
    return Response.seeOther(
            URI.create(
                "/class/" + courseId + "/meetings?notice=slots.withdrawn&n=" + released + "#slots"))
        .build();
  }

  @POST
  @Path("campaigns")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response startCampaign(
      @PathParam("courseId") long courseId, MultivaluedMap<String, String> posted) {
    Session session = sessions.require(request);
    mentorCourse(session, courseId);
    MeetingKind kind = MeetingKind.of(Views.text(posted, "kind")).orElse(MeetingKind.KENNISMAKING);
    Campaigns.Started started =
        campaigns.start(courseId, session.person().id(), kind, baseUrl.of(request));
    return Response.seeOther(
            URI.create(
                "/class/"
                    + courseId
                    + "/meetings/campaigns/"
                    + started.campaignId()
                    + "?notice=campaign.started&n="
                    + started.newMeetings()))
        .build();
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

  @GET
  @Path("campaigns/{campaignId: \\d+}")
  public String campaign(
      @PathParam("courseId") long courseId,
      @PathParam("campaignId") long campaignId,
      @QueryParam("notice") String notice,
      @QueryParam("n") Integer count) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Campaign campaign = campaigns.find(courseId, campaignId).orElseThrow(NotFoundException::new);
    Locale l = session.locale();
    Instant now = clock.instant();
    long mentorId = session.person().id();
    List<Invitee> booked = new ArrayList<>();
    List<Invitee> waiting = new ArrayList<>();
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
      List<Availability> everyone = new ArrayList<>();
      List<Answer> answers = meetings.answers(m.id());
      answers.stream()
          .filter(a -> a.answeredBy() == Who.STUDENT)
          .findFirst()
          .ifPresent(a -> everyone.add(a.availability()));
      for (Reach r : participants.buddies()) {
        contacts.add(contact(r, meetingLinks, now, l, m));
        if (r.allowed()) {
          everyone.add(
              answers.stream()
                  .filter(a -> a.buddy().map(b -> b.id().equals(r.buddy().id())).orElse(false))
                  .findFirst()
                  .map(Answer::availability)
                  .orElse(r.buddy().details().availability()));
        }
      }
      List<String> answerTexts = answers.stream().map(a -> answerText(a, l)).toList();
      boolean open = m.status() == MeetingStatus.OPEN;
      List<Views.SlotOption> proposals =
          open && !answers.isEmpty()
              ? Proposals.fitting(slots.offeredFor(m), everyone).stream()
                  .map(s -> Views.option(s, l, now))
                  .toList()
              : List.of();
      Invitee invitee = new Invitee(Views.line(m, l), open, answerTexts, contacts, proposals);
      (open ? waiting : booked).add(invitee);
    }
    List<Map<String, String>> mails = new ArrayList<>();
    for (SentMail s : meetings.mailsOfCampaign(campaignId)) {
      mails.add(mailRow(s, l));
    }
    Map<String, Object> vars = Frame.of(session, "/class/" + courseId + "/meetings");
    vars.put("courseId", courseId);
    vars.put("courseTitle", course.displayTitle());
    vars.put("campaignId", campaignId);
    vars.put("kind", Pages.text(l, campaign.kind().key()));
    vars.put("kindCode", campaign.kind().name());
    vars.put("booked", booked);
    vars.put("waiting", waiting);
    vars.put("mails", mails);
    vars.put("offered", slots.upcoming(courseId).stream().filter(s -> s.placesLeft() > 0).count());
    vars.put(
        "notice",
        "campaign.started".equals(notice)
            ? Pages.text(l, notice, count == null ? 0 : count)
            : null);
    return pages.render("meeting-campaign", l, vars);
  }

  static Map<String, String> mailRow(SentMail s, Locale l) {
    return Map.of(
        "when", Views.moment(s.sentAt(), l),
        "to",
            s.recipientName()
                + " ("
                + Pages.text(l, "meeting.who." + s.recipientRole().name())
                + ")",
        "address", s.address(),
        "kind", Pages.text(l, "mail.kind." + s.kind().name()),
        "subject", s.subject(),
        "status", Pages.text(l, "mail.status." + s.status().name()));
  }

  static String answerText(Answer a, Locale l) {
    String who =
        a.buddy().map(b -> b.details().name()).orElse(Pages.text(l, "meeting.who.STUDENT"));
    String when =
        a.availability().isEmpty()
            ? Pages.text(l, "answer.noTimes")
            : Views.availability(a.availability(), l);
    return Pages.text(l, "answer.line", who, when, a.note().orElse(""));
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
                + java.net.URLEncoder.encode(
                        Pages.text(l, "campaign.sms", m.student().displayName(), link),
                        java.nio.charset.StandardCharsets.UTF_8)
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

  private String render(
      Session session,
      Course course,
      SlotForm form,
      List<String> problems,
      String notice,
      int count) {
    Locale l = session.locale();
    Instant now = clock.instant();
    long courseId = course.id();
    List<SlotRow> slotRows =
        slots.upcoming(courseId).stream()
            .map(
                s ->
                    new SlotRow(
                        s.id(),
                        s.time().label(l),
                        Notifications.place(s, l),
                        s.time().evening(),
                        s.booked(),
                        s.capacity(),
                        s.guard().toHours()))
            .toList();
    List<Meeting> all = meetings.ofCourse(courseId);
    List<Views.MeetingLine> upcoming =
        all.stream()
            .filter(m -> m.status() == MeetingStatus.PLANNED)
            .filter(m -> m.slot().orElseThrow().endsAt().isAfter(now))
            .map(m -> Views.line(m, l))
            .toList();
    List<Views.MeetingLine> toRecord =
        all.stream()
            .filter(m -> m.status() == MeetingStatus.PLANNED && m.outcomeDue(now))
            .map(m -> Views.line(m, l))
            .toList();
    List<Views.MeetingLine> open =
        all.stream()
            .filter(m -> m.status() == MeetingStatus.OPEN)
            .map(m -> Views.line(m, l))
            .toList();
    List<CampaignRow> campaignRows = new ArrayList<>();
    for (Campaign c : campaigns.ofCourse(courseId)) {
      List<Meeting> invited = meetings.ofCampaign(c.id());
      campaignRows.add(
          new CampaignRow(
              c.id(),
              Pages.text(l, c.kind().key()),
              Views.moment(c.createdAt(), l),
              invited.size(),
              (int) invited.stream().filter(m -> m.status() != MeetingStatus.OPEN).count()));
    }
    Map<String, Object> vars = Frame.of(session, "/class/" + courseId + "/meetings");
    vars.put("courseId", courseId);
    vars.put("courseTitle", course.displayTitle());
    vars.put("slots", slotRows);
    vars.put("upcoming", upcoming);
    vars.put("toRecord", toRecord);
    vars.put("open", open);
    vars.put("campaigns", campaignRows);
    vars.put("form", form);
    vars.put("problems", problems);
    vars.put("notice", notice == null ? null : Pages.text(l, notice, count));
    vars.put("kinds", MeetingKind.values());
    vars.put("locations", LocationKind.values());
    vars.put("weekdays", Availability.DAYS.stream().map(Enum::name).toList());
    return pages.render("meetings", l, vars);
  }

  private Course mentorCourse(Session session, long courseId) {
    // Not a mentor here, or no such course: the same 404, so ids cannot be probed.
    return memberships
        .courseWhere(session.person(), courseId, Role.MENTOR)
        .orElseThrow(NotFoundException::new);
  }
}
