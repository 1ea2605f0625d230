package nl.samenaanwezig.protocol;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/**
 * The administrator's list of every student of the institution who needs a protocol step today,
 * across its courses. Read-only: the step itself is acknowledged by the course's mentor.
 */
@Path("/admin/signals")
@Produces(MediaType.TEXT_HTML)
public class InstitutionSignalsResource {
  @Inject Sessions sessions;
  @Inject Signals signals;
  @Inject ProtocolSettings settings;
  @Inject Database db;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  public String page() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    long institutionId = session.platform().institution().id();
    LocalDate today = signals.today();
    List<Signal> all = signals.forInstitution(institutionId, today);
    Map<Long, String> names = new HashMap<>();
    Map<Long, String> courses = new HashMap<>();
    db.read(
        em -> {
          for (Signal s : all) {
            names.computeIfAbsent(s.personId(), id -> em.find(Person.class, id).displayName());
            courses.computeIfAbsent(s.courseId(), id -> em.find(Course.class, id).displayTitle());
          }
          return null;
        });
    SignalList list =
        SignalList.of(
            all, settings.of(institutionId), names::get, courses::get, session.locale(), today);
    Map<String, Object> vars = Frame.of(session, "/admin/signals");
    vars.put("institution", session.platform().institution().name());
    vars.put("list", list);
    vars.put("institutionWide", true);
    return pages.render("signals", session.locale(), vars);
  }
}
