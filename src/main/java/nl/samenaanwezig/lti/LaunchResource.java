package nl.samenaanwezig.lti;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.logging.Logger;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * The launch endpoint (redirect_uri): receives the platform's form_post with id_token and state,
 * and on success opens a session and sends the browser to the start page of its role.
 */
@Path("/lti")
public class LaunchResource {
  private static final Logger LOG = Logger.getLogger(LaunchResource.class.getName());

  @Inject Launches launches;
  @Inject Sessions sessions;
  @Inject Pages pages;
  @Inject BaseUrl baseUrl;
  @Context HttpServletRequest request;

  @POST
  @Path("launch")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response launch(
      @FormParam("id_token") String idToken,
      @FormParam("state") String state,
      @FormParam("error") String error,
      @FormParam("error_description") String errorDescription) {
    if (error != null && !error.isBlank()) {
      throw new LaunchException(
          LaunchException.Reason.PLATFORM_REFUSED, error + " " + errorDescription);
    }
    Launches.Result result =
        launches.finish(
            idToken, state, LoginCookie.startedHere(request, state), baseUrl.of(request));
    LOG.info(
        () ->
            "launch "
                + result.launch().messageType()
                + " from "
                + result.launch().platform().issuer()
                + " sub "
                + result.launch().subject());
    // 303: the browser follows with a GET; the handoff token only matters when the cookie is lost.
    return Response.seeOther(
            UriBuilder.fromPath("/start").queryParam("h", result.session().handoff()).build())
        .header(
            HttpHeaders.SET_COOKIE,
            Sessions.cookieHeader(result.session().token(), request, sessions.lifetime()))
        .header(HttpHeaders.SET_COOKIE, LoginCookie.clear(state, request))
        .build();
  }

  /** A browser that opens the launch URL directly gets an explanation, not a bare 405. */
  @GET
  @Path("launch")
  public Response launchByGet() {
    return ErrorPages.page(pages, 405, "launch.error.get", ErrorPages.localeOf(request));
  }

  /**
   * Continues a launch in a new window when the iframe lost its cookie: the one-time handoff token
   * from the launch becomes a first-party session cookie here.
   */
  @GET
  @Path("resume")
  public Response resume(@QueryParam("h") String handoff) {
    return sessions
        .redeemHandoff(handoff)
        .map(
            token ->
                Response.seeOther(UriBuilder.fromPath("/start").build())
                    .header(
                        HttpHeaders.SET_COOKIE,
                        Sessions.cookieHeader(token, request, sessions.lifetime()))
                    .build())
        .orElseGet(
            () ->
                ErrorPages.page(
                    pages, 401, "session.handoffExpired", ErrorPages.localeOf(request)));
  }
}
