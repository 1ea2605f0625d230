package nl.samenaanwezig.protocol;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.ErrorPages;
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
  public Response page(
      @QueryParam("rule") String rule,
      @QueryParam("course") String course,
      @QueryParam("page") String page) {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    SignalFilter filter;
    try {
      filter = SignalFilter.parse(rule, course, page);
    } catch (SignalFilter.Invalid e) {
      return ErrorPages.page(pages, 400, "signals.filter.bad", session.locale());
    }
    long institutionId = session.platform().institution().id();
    LocalDate today = signals.today();
    List<Signal> all = signals.forInstitution(institutionId, today);
    Map<Long, String> courses = new HashMap<>();
    db.read(
        em -> {
          for (Signal s : all) {
            courses.computeIfAbsent(s.courseId(), id -> em.find(Course.class, id).displayTitle());
          }
          return null;
        });
    if (filter.courseId() != null && !courses.containsKey(filter.courseId())) {
      // A class of this institution without signals today still shows (empty); another one not.
      Optional<String> title =
          db.read(
              em ->
                  Optional.ofNullable(em.find(Course.class, filter.courseId()))
                      .filter(c -> c.platform().institution().id() == institutionId)
                      .map(Course::displayTitle));
      if (title.isEmpty()) {
        return ErrorPages.page(pages, 400, "signals.filter.bad", session.locale());
      }
      courses.put(filter.courseId(), title.get());
    }
    SignalFilter.Result result = filter.apply(all, courses::get, session.locale());
    Map<Long, String> names = new HashMap<>();
    db.read(
        em -> {
          for (Signal s : result.shown()) {
            names.computeIfAbsent(s.personId(), id -> em.find(Person.class, id).displayName());
          }
          return null;
        });
    SignalList list =
        SignalList.of(
            result.shown(),
            settings.of(institutionId),
            names::get,
            courses::get,
            session.locale(),
            today);
    Map<String, Object> vars = Frame.of(session, "/admin/signals");
    vars.put("institution", session.platform().institution().name());
    vars.put("list", list);
    vars.put("filter", result.view());
    vars.put("institutionWide", true);
    return Response.ok(pages.render("signals", session.locale(), vars))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }
}
