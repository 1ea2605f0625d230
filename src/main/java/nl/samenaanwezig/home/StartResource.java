package nl.samenaanwezig.home;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.lti.deeplinking.Placement;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * Where every launch lands: sends the user to the start page of their role, or, when the session
 * cookie did not come back inside the LMS iframe, offers to continue in a new window.
 */
@Path("/")
public class StartResource {
  /** The longest page address a form sends back; ours are far shorter. */
  private static final int MAX_BACK = 2000;

  @Inject Sessions sessions;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  @Path("start")
  @Produces(MediaType.TEXT_HTML)
  public Response start(@QueryParam("h") String handoff) {
    Optional<Session> found = sessions.find(request);
    if (found.isEmpty()) {
      Locale locale = ErrorPages.localeOf(request);
      if (handoff == null || handoff.isBlank()) {
        return ErrorPages.page(pages, 401, "session.expired", locale);
      }
      String html = pages.render("cookie-blocked", locale, Map.of("handoff", handoff));
      return Response.status(401)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(html)
          .build();
    }
    Session session = found.get();
    sessions.confirmCookie(session);
    return Response.seeOther(URI.create(homeOf(session))).build();
  }

  /**
   * The start page of a session: the picker for a deep linking launch, the page a placed link
   * (custom parameter {@code placement}) opens for the user's role, else by role: mentor, then
   * student, then administrator.
   */
  static String homeOf(Session session) {
    if (session.isDeepLinking()) {
      return "/deeplinking";
    }
    Optional<String> placed =
        session.placement().flatMap(Placement::fromId).flatMap(p -> p.pathFor(session));
    if (placed.isPresent()) {
      return placed.get();
    }
    if (session.course().isPresent() && session.has(Role.MENTOR)) {
      return "/class/" + session.course().get().id();
    }
    if (session.has(Role.STUDENT)) {
      return "/me";
    }
    if (session.has(Role.ADMIN)) {
      return "/admin";
    }
    return "/welcome";
  }

  @GET
  @Path("welcome")
  @Produces(MediaType.TEXT_HTML)
  public String welcome() {
    Session session = sessions.require(request);
    return pages.render("no-role", session.locale(), Frame.of(session, "/welcome"));
  }

  /** Switches the page language for this session and returns to the page it came from. */
  @POST
  @Path("lang")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response language(@FormParam("lang") String lang, @FormParam("back") String back) {
    Session session = sessions.require(request);
    session.useLocale(Locale.forLanguageTag(lang == null ? "nl" : lang));
    sessions.save(session);
    return Response.seeOther(localPath(back).orElseGet(() -> URI.create(homeOf(session)))).build();
  }

  /**
   * {@code back} when it is a path on this site, else empty: never an open redirect. Browsers read
   * a backslash as a slash ({@code /\evil.example} is {@code //evil.example}) and drop tabs and
   * line breaks, so any of those, spaces, control characters and non-ASCII make it not ours.
   */
  static Optional<URI> localPath(String back) {
    if (back == null
        || back.length() > MAX_BACK
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.chars().anyMatch(c -> c <= ' ' || c > '~' || c == '\\')) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(back);
      return uri.getScheme() == null && uri.getRawAuthority() == null
          ? Optional.of(uri)
          : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
