package nl.samenaanwezig.protocol;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.attendance.MentorGroups;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/** The mentor's list of the class's students who need a protocol step today. */
@Path("/class/{courseId}/signals")
@Produces(MediaType.TEXT_HTML)
public class ClassSignalsResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject Signals signals;
  @Inject MentorGroups mentorGroups;
  @Inject ProtocolSettings settings;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  public String page(@PathParam("courseId") long courseId) {
    Session session = sessions.require(request);
    Course course =
        memberships
            .courseWhere(session.person(), courseId, Role.MENTOR)
            .orElseThrow(NotFoundException::new);
    LocalDate today = signals.today();
    Map<Long, String> names = new HashMap<>();
    for (Member m : memberships.members(course, Role.STUDENT)) {
      names.put(m.person().id(), m.person().displayName());
    }
    List<Signal> all =
        signals.forCourse(course, today).values().stream().flatMap(List::stream).toList();
    SignalList list =
        SignalList.of(
            all,
            settings.of(course.platform().institution().id()),
            names::get,
            c -> course.displayTitle(),
            session.locale(),
            today);
    Map<String, Object> vars = Frame.of(session, "/class/" + courseId + "/signals");
    vars.put("courseId", course.id());
    vars.put("courseTitle", course.displayTitle());
    vars.put("list", list);
    vars.put("institutionWide", false);
    vars.put("subjectCourse", !mentorGroups.isMentorGroup(course));
    return pages.render("signals", session.locale(), vars);
  }
}
