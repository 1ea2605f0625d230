package nl.samenaanwezig.lti.deeplinking;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.lti.ToolKeys;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * The picker of a deep linking launch: a teacher chooses which pages to place in the course, and
 * the browser carries the signed answer back to the platform's return URL in an auto-posted form.
 */
@Path("/deeplinking")
public class DeepLinkingResource {
  private static final Logger LOG = Logger.getLogger(DeepLinkingResource.class.getName());
  static final String FIELD = "placement";

  @Inject Sessions sessions;
  @Inject ToolKeys toolKeys;
  @Inject BaseUrl baseUrl;
  @Inject Pages pages;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  /** One choice on the picker. */
  public record Choice(String id, String titleKey, String textKey) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response picker() {
    Session session = sessions.require(request);
    return picker(session, settingsOf(session), 200, null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response answer(@FormParam(FIELD) List<String> values) {
    Session session = sessions.require(request);
    DeepLinkingSettings settings = settingsOf(session);
    Set<Placement> chosen = new LinkedHashSet<>();
    for (String value : values == null ? List.<String>of() : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      Optional<Placement> placement = Placement.fromId(value);
      if (placement.isEmpty()) {
        return picker(session, settings, 400, "deeplinking.error.unknown");
      }
      chosen.add(placement.get());
    }
    if (chosen.isEmpty()) {
      return picker(session, settings, 400, "deeplinking.error.empty");
    }
    if (chosen.size() > 1 && !settings.acceptMultiple()) {
      return picker(session, settings, 400, "deeplinking.error.single");
    }
    // Spent before signing: whatever happens next, this request gets no second answer.
    if (!sessions.answerDeepLinking(session)) {
      throw refused(409, "deeplinking.error.answered", session);
    }
    String jwt =
        DeepLinkingResponse.sign(
            toolKeys.signingKey(),
            session.platform(),
            session.deploymentId(),
            settings,
            List.copyOf(chosen),
            baseUrl.of(request) + "/lti/launch",
            session.locale(),
            clock.instant());
    LOG.info(
        () ->
            "deep linking response with "
                + chosen
                + " to "
                + session.platform().issuer()
                + " deployment "
                + session.deploymentId());
    String html =
        pages.render(
            "autopost",
            session.locale(),
            Map.of("action", settings.returnUrl(), "fields", Map.of("JWT", jwt)));
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
  }

  /**
   * The request's settings once the session may answer it: a deep linking launch, by a mentor or
   * administrator, not yet answered, asking for something the tool can give.
   */
  private DeepLinkingSettings settingsOf(Session session) {
    if (!session.isDeepLinking()) {
      throw refused(400, "deeplinking.error.notDeepLinking", session);
    }
    if (!session.has(Role.MENTOR) && !session.has(Role.ADMIN)) {
      throw refused(403, "deeplinking.error.forbidden", session);
    }
    if (session.deepLinkAnswered()) {
      throw refused(409, "deeplinking.error.answered", session);
    }
    DeepLinkingSettings settings =
        DeepLinkingSettings.of(session)
            .orElseThrow(() -> refused(400, "launch.error.missing_deep_linking_settings", session));
    if (!settings.acceptsResourceLinks()) {
      throw refused(400, "deeplinking.error.types", session);
    }
    return settings;
  }

  private Response picker(
      Session session, DeepLinkingSettings settings, int status, String problemKey) {
    // The picker lives in the platform's dialog: name and language switch, no menu leading away.
    Map<String, Object> vars = new HashMap<>();
    vars.put("userName", session.person().displayName());
    vars.put("csrf", session.csrfToken());
    vars.put("back", "/deeplinking");
    vars.put("courseTitle", session.course().map(Course::displayTitle).orElse(null));
    vars.put("multiple", settings.acceptMultiple());
    vars.put("problem", problemKey);
    List<Choice> choices = new ArrayList<>();
    for (Placement p : Placement.values()) {
      choices.add(new Choice(p.id(), p.titleKey(), p.textKey()));
    }
    vars.put("choices", choices);
    String html = pages.render("deeplinking", session.locale(), vars);
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html)
        .build();
  }

  /** A calm error page; thrown with its entity, so it is sent as it is. */
  private WebApplicationException refused(int status, String key, Session session) {
    return new WebApplicationException(ErrorPages.page(pages, status, key, session.locale()));
  }
}
