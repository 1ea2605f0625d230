package nl.samenaanwezig.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * The administrator's API tokens (the list is on /admin): make one, which is shown exactly once, or
 * revoke one of the own institution.
 */
@Path("/admin/api-tokens")
@Produces(MediaType.TEXT_HTML)
public class ApiTokenResource {
  @Inject Sessions sessions;
  @Inject ApiTokens tokens;
  @Inject Pages pages;
  @Inject BaseUrl baseUrl;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@FormParam("name") String name) {
    Session session = admin();
    if (name == null || name.isBlank() || name.strip().length() > ApiToken.MAX_NAME) {
      return ErrorPages.page(pages, 400, "admin.apiTokens.invalidName", session.locale());
    }
    ApiTokens.Created created = tokens.create(session.platform().institution().id(), name.strip());
    Map<String, Object> vars = Frame.of(session, "/admin");
    vars.put("tokenName", created.token().name());
    vars.put("secret", created.secret());
    vars.put("apiBase", baseUrl.of(request) + "/api/v1");
    vars.put("openApiUrl", baseUrl.of(request) + "/api/openapi.json");
    return Response.ok(pages.render("api-token", session.locale(), vars))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }

  @POST
  @Path("{id}/revoke")
  public Response revoke(@PathParam("id") long id) {
    Session session = admin();
    if (!tokens.revoke(session.platform().institution().id(), id)) {
      throw new NotFoundException();
    }
    return Response.seeOther(URI.create("/admin?notice=admin.apiTokens.revoked")).build();
  }

  private Session admin() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    return session;
  }
}
