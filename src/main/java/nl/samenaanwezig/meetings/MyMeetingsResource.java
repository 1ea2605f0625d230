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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;

/**
 * The student's own talks (Mijn gesprekken): choosing or changing a time, saying none fits and when
 * they can, and after the talk the shared notes and the agreements.
 */
@Path("/me/meetings")
@Produces(MediaType.TEXT_HTML)
public class MyMeetingsResource {
  @Inject Sessions sessions;
  @Inject MeetingBook meetings;
  @Inject Slots slots;
  @Inject Bookings bookings;
  @Inject Outcomes outcomes;
  @Inject java.time.Clock clock;
  @Inject nl.samenaanwezig.web.Pages pages;
  @Context HttpServletRequest request;

  @GET
  public String page(@QueryParam("notice") String notice, @QueryParam("refused") String refused) {
    Session session = student();
    ParticipantPage page =
        new ParticipantPage("student", session.locale(), meetings, slots, outcomes, clock);
    Map<String, Object> vars = Frame.of(session, "/me/meetings");
    vars.putAll(page.forStudent(session.person().id(), notice, refused));
    return pages.render("my-meetings", session.locale(), vars);
  }

  @POST
  @Path("{meetingId: \\d+}/book")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response book(
      @PathParam("meetingId") long meetingId, MultivaluedMap<String, String> form) {
    Meeting m = mine(meetingId);
    Optional<Long> slot = Views.id(Views.text(form, "slot"));
    if (slot.isEmpty()) {
      return back("refused=booking.noSlot");
    }
    Bookings.Result r = bookings.book(m.id(), slot.get(), Who.STUDENT);
    return back((r.done() ? "notice=" : "refused=") + r.messageKey());
  }

  @POST
  @Path("{meetingId: \\d+}/cancel")
  public Response cancel(@PathParam("meetingId") long meetingId) {
    Meeting m = mine(meetingId);
    Bookings.Result r = bookings.release(m.id(), Who.STUDENT);
    return back((r.done() ? "notice=" : "refused=") + r.messageKey());
  }

  @POST
  @Path("{meetingId: \\d+}/unfit")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response unfit(
      @PathParam("meetingId") long meetingId, MultivaluedMap<String, String> form) {
    Meeting m = mine(meetingId);
    List<String> codes = form.get("slot") == null ? List.of() : form.get("slot");
    String note = Views.text(form, "note");
    if (!Availability.unknown(codes).isEmpty()
        || note.length() > Answer.MAX_NOTE
        || (codes.isEmpty() && note.isEmpty())) {
      return back("refused=answer.problem");
    }
    if (m.status() != MeetingStatus.OPEN && m.status() != MeetingStatus.PLANNED) {
      return back("refused=booking.closed");
    }
    bookings.answer(m.id(), Who.STUDENT, null, Availability.ofCodes(codes), note);
    return back("notice=answer.saved");
  }

  private Session student() {
    Session session = sessions.require(request);
    if (!session.has(Role.STUDENT)) {
      throw new NotFoundException();
    }
    return session;
  }

  /** One of the student's own meetings, else 404 (another student's id reveals nothing). */
  private Meeting mine(long meetingId) {
    Session session = student();
    return meetings
        .find(meetingId)
        .filter(m -> m.student().id().equals(session.person().id()))
        .orElseThrow(NotFoundException::new);
  }

  private static Response back(String query) {
    return Response.seeOther(URI.create("/me/meetings?" + query)).build();
  }
}
