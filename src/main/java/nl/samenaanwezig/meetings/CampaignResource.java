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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * A class's campaign ("plan kennismakingsgesprekken voor deze klas"): starting or topping it up,
 * and its page with who booked, who did not and whom to call, and what was sent.
 */
@Path("/class/{courseId}/meetings/campaigns")
@Produces(MediaType.TEXT_HTML)
public class CampaignResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject Slots slots;
  @Inject Campaigns campaigns;
  @Inject MeetingBook meetings;
  @Inject BuddyBook buddies;
  @Inject BuddyLinks links;
  @Inject AuditLog audit;
  @Inject BaseUrl baseUrl;
  @Inject Clock clock;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response start(
      @PathParam("courseId") long courseId, MultivaluedMap<String, String> posted) {
    Session session = sessions.require(request);
    Views.mentorCourse(memberships, session, courseId);
    Optional<MeetingKind> kind = MeetingKind.of(Views.text(posted, "kind"));
    if (kind.isEmpty()) {
      return ErrorPages.page(pages, 400, "campaign.problem.kind", session.locale());
    }
    Campaigns.Started started =
        campaigns.start(courseId, session.person().id(), kind.get(), baseUrl.of(request));
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

  @GET
  @Path("{campaignId: \\d+}")
  public String campaign(
      @PathParam("courseId") long courseId,
      @PathParam("campaignId") long campaignId,
      @QueryParam("notice") String notice,
      @QueryParam("n") String count) {
    Session session = sessions.require(request);
    Course course = Views.mentorCourse(memberships, session, courseId);
    Campaign campaign = campaigns.find(courseId, campaignId).orElseThrow(NotFoundException::new);
    Locale l = session.locale();
    List<CallList.Invitee> invitees =
        new CallList(meetings, buddies, links, slots, audit, clock)
            .of(campaignId, session.person().id(), l);
    Map<String, Object> vars = Frame.of(session, "/class/" + courseId + "/meetings");
    vars.put("courseId", courseId);
    vars.put("courseTitle", course.displayTitle());
    vars.put("campaignId", campaignId);
    vars.put("kind", Pages.text(l, campaign.kind().key()));
    vars.put("kindCode", campaign.kind().name());
    vars.put("booked", invitees.stream().filter(i -> !i.open()).toList());
    vars.put("waiting", invitees.stream().filter(CallList.Invitee::open).toList());
    vars.put(
        "mails",
        meetings.mailsOfCampaign(campaignId).stream().map(s -> Views.mailRow(s, l)).toList());
    vars.put("offered", slots.upcoming(courseId).stream().filter(s -> s.placesLeft() > 0).count());
    vars.put(
        "notice",
        "campaign.started".equals(notice) ? Pages.text(l, notice, Views.count(count)) : null);
    return pages.render("meeting-campaign", l, vars);
  }
}
