package nl.samenaanwezig.home;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/** The student's own page ("mijn pagina"): only their own data. */
@Path("/me")
public class MyPageResource {
  @Inject Sessions sessions;
  @Inject Pages pages;
  @Inject BuddyBook buddyBook;
  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page() {
    Session session = sessions.require(request);
    if (!session.has(Role.STUDENT)) {
      throw new NotFoundException();
    }
    Map<String, Object> vars = Frame.of(session, "/me");
    vars.put("buddyOverview", buddyBook.overview(session.person().id(), buddyBook.today()));
    vars.put("courseTitle", session.course().map(Course::displayTitle).orElse(null));
    return pages.render("me", session.locale(), vars);
  }
}
