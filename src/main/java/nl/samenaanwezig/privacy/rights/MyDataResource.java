package nl.samenaanwezig.privacy.rights;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.web.Pages;

/** A student's own access request: everything about them, as a page and as JSON. */
@Path("/me/export")
public class MyDataResource {
  @Inject Sessions sessions;
  @Inject Exports exports;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page() {
    Session session = student();
    StudentExport export =
        exports.export(session.person().id(), Actor.student(session.person().id()));
    Map<String, Object> vars = Frame.of(session, "/me/export");
    vars.put("backUrl", "/me/buddies");
    return ExportResponses.html(pages, export, session.locale(), vars, "/me/export/json");
  }

  @GET
  @Path("json")
  public Response json() {
    Session session = student();
    return ExportResponses.json(
        exports.export(session.person().id(), Actor.student(session.person().id())));
  }

  private Session student() {
    Session session = sessions.require(request);
    if (!session.has(Role.STUDENT)) {
      throw new NotFoundException();
    }
    return session;
  }
}
