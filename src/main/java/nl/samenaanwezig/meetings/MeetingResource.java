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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.Pages;

/**
 * One meeting as its mentor sees it, and what the mentor does with its time and links: booking or
 * moving at any time (the guard time does not bind the mentor), giving the time back, calling the
 * talk off, revoking and renewing a buddy's link. After the talk: {@link AfterTalkResource}.
 */
@Path("/class/{courseId}/meetings/{meetingId: \\d+}")
@Produces(MediaType.TEXT_HTML)
public class MeetingResource {
  static final Set<String> NOTICES =
      Set.of(
          "booking.booked",
          "booking.moved",
          "booking.released",
          "meeting.cancelled",
          "outcome.saved",
          "note.saved",
          "agreement.saved",
          "agreement.done",
          "link.revoked",
          "link.renewed");
  static final Set<String> REFUSALS =
      Set.of(
          "booking.full",
          "booking.guarded",
          "booking.closed",
          "booking.notOffered",
          "booking.conflict",
          "booking.noSlot");

  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject MeetingBook meetings;
  @Inject Slots slots;
  @Inject Bookings bookings;
  @Inject BuddyLinks links;
  @Inject Outcomes outcomes;
  @Inject Notifications notifications;
  @Inject BuddyBook buddies;
  @Inject AuditLog audit;
  @Inject BaseUrl baseUrl;
  @Inject Clock clock;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  public String page(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      @QueryParam("notice") String notice,
      @QueryParam("refused") String refused) {
    Session session = sessions.require(request);
    Course course = Views.mentorCourse(memberships, session, courseId);
    Meeting m = meetings.inCourse(courseId, meetingId).orElseThrow(NotFoundException::new);
    List<String> problems = new ArrayList<>();
    if (refused != null && REFUSALS.contains(refused)) {
      problems.add(Pages.text(session.locale(), refused));
    }
    return page()
        .render(
            session,
            course,
            m,
            notice != null && NOTICES.contains(notice) ? notice : null,
            problems);
  }

  @POST
  @Path("book")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response book(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Meeting m = mine(courseId, meetingId);
    Optional<Long> slot = Views.id(Views.text(form, "slot"));
    if (slot.isEmpty()) {
      return back(m, "refused=booking.noSlot");
    }
    Bookings.Result r = bookings.book(m.id(), slot.get(), Who.MENTOR);
    return back(m, (r.done() ? "notice=" : "refused=") + r.messageKey());
  }

  @POST
  @Path("release")
  public Response release(
      @PathParam("courseId") long courseId, @PathParam("meetingId") long meetingId) {
    Meeting m = mine(courseId, meetingId);
    Bookings.Result r = bookings.release(m.id(), Who.MENTOR);
    return back(m, (r.done() ? "notice=" : "refused=") + r.messageKey());
  }

  @POST
  @Path("cancel")
  public Response cancel(
      @PathParam("courseId") long courseId, @PathParam("meetingId") long meetingId) {
    Meeting m = mine(courseId, meetingId);
    Bookings.Result r = bookings.cancel(m.id());
    return back(m, (r.done() ? "notice=" : "refused=") + r.messageKey());
  }

  @POST
  @Path("links/{linkId: \\d+}/revoke")
  public Response revoke(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      @PathParam("linkId") long linkId) {
    Meeting m = mine(courseId, meetingId);
    if (!links.revoke(m.id(), linkId)) {
      throw new NotFoundException();
    }
    return back(m, "notice=link.revoked#links");
  }

  @POST
  @Path("links/renew")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response renew(
      @PathParam("courseId") long courseId,
      @PathParam("meetingId") long meetingId,
      MultivaluedMap<String, String> form) {
    Meeting m = mine(courseId, meetingId);
    long buddyId = Views.id(Views.text(form, "buddy")).orElseThrow(NotFoundException::new);
    Participants p = page().participants(m);
    Optional<Long> renewed = links.renew(m.id(), buddyId, p.allowedBuddies(), baseUrl.of(request));
    if (renewed.isEmpty()) {
      throw new NotFoundException();
    }
    if (p.mailed().stream().anyMatch(r -> r.buddy().id() == buddyId)) {
      notifications.invitedBuddy(m.id(), buddyId);
    }
    return back(m, "notice=link.renewed#links");
  }

  private MeetingPage page() {
    return new MeetingPage(meetings, slots, links, outcomes, buddies, audit, clock, pages);
  }

  private Meeting mine(long courseId, long meetingId) {
    Session session = sessions.require(request);
    Views.mentorCourse(memberships, session, courseId);
    return meetings.inCourse(courseId, meetingId).orElseThrow(NotFoundException::new);
  }

  static Response back(Meeting m, String query) {
    return Response.seeOther(
            URI.create("/class/" + m.course().id() + "/meetings/" + m.id() + "?" + query))
        .build();
  }
}
