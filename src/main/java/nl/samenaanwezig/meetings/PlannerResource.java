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
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.attendance.StudentAttendance;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/**
 * The mentor's MOL-planner for a class: adding times (one, or a series) and withdrawing them, the
 * talks planned, to record and still open, and the class's campaigns ({@link CampaignResource}).
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
  @Inject StudentAttendance attendance;
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
      long guardHours,
      String holiday) {}

  /** One campaign in the list. */
  public record CampaignRow(long id, String kind, String started, int invited, int booked) {}

  @GET
  public String page(
      @PathParam("courseId") long courseId,
      @QueryParam("notice") String notice,
      @QueryParam("n") String count) {
    Session session = sessions.require(request);
    Course course = Views.mentorCourse(memberships, session, courseId);
    String shown = notice != null && NOTICES.contains(notice) ? notice : null;
    return render(
        session, course, SlotForm.empty(buddies.today()), List.of(), shown, Views.count(count));
  }

  @POST
  @Path("slots")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addSlots(
      @PathParam("courseId") long courseId, MultivaluedMap<String, String> posted) {
    Session session = sessions.require(request);
    Course course = Views.mentorCourse(memberships, session, courseId);
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
    Views.mentorCourse(memberships, session, courseId);
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
    // A talk on a school holiday is allowed (an evening in the autumn break may suit a family),
    // but the mentor should see it: the school's calendar decides, not the form.
    SchoolCalendar calendar = attendance.calendar(course.platform().institution().id());
    List<SlotRow> slotRows =
        slots.upcoming(courseId).stream()
            .map(
                s ->
                    new SlotRow(
                        s.id(),
                        s.time().label(l),
                        Views.place(s, l),
                        s.time().evening(),
                        s.booked(),
                        s.capacity(),
                        s.guard().toHours(),
                        calendar
                            .holidayOn(s.time().start().toLocalDate())
                            .map(SchoolCalendar.Holiday::name)
                            .orElse(null)))
            .toList();
    List<String> onHolidays =
        slotRows.stream()
            .filter(r -> r.holiday() != null)
            .map(r -> Pages.text(l, "planner.holidays.day", r.label(), r.holiday()))
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
    List<Views.MeetingLine> past =
        all.stream()
            .filter(m -> m.status().isOutcome())
            .sorted(MeetingBook.BY_TIME.reversed())
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
    vars.put("onHolidays", onHolidays);
    vars.put("upcoming", upcoming);
    vars.put("toRecord", toRecord);
    vars.put("open", open);
    vars.put("past", past);
    vars.put("campaigns", campaignRows);
    vars.put("form", form);
    vars.put("problems", problems);
    vars.put("notice", notice == null ? null : Pages.text(l, notice, count));
    vars.put("kinds", MeetingKind.values());
    vars.put("locations", LocationKind.values());
    vars.put("weekdays", Availability.DAYS.stream().map(Enum::name).toList());
    return pages.render("meetings", l, vars);
  }
}
