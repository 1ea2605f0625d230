package nl.samenaanwezig.lti.registration;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;
import nl.samenaanwezig.web.SecurityHeadersFilter;

/**
 * The registration initiation URL an administrator pastes into the LMS (LTI DR 3.3). The LMS opens
 * it in a frame or window with {@code openid_configuration} and {@code registration_token}; the
 * page reports the outcome and then tells the LMS it may close it.
 */
@Path("/lti/register")
public class RegistrationResource {
  private static final Logger LOG = Logger.getLogger(RegistrationResource.class.getName());

  @Inject Platforms platforms;
  @Inject Pages pages;
  @Inject BaseUrl baseUrl;
  @Context HttpServletRequest request;

  @GET
  public Response register(
      @QueryParam("openid_configuration") String openidConfiguration,
      @QueryParam("registration_token") String registrationToken) {
    Locale locale = ErrorPages.localeOf(request);
    // The platform frames this page before it is registered, so its origin is not yet among
    // the frame-ancestors the filter allows: name it here, for this page only.
    Set<String> ancestors =
        PlatformUrls.parse(openidConfiguration)
            .map(PlatformUrls::origin)
            .map(Set::of)
            .orElse(Set.of());
    Map<String, Object> vars = new HashMap<>();
    int status;
    try {
      DynamicRegistration.Result result =
          new DynamicRegistration(platforms)
              .register(openidConfiguration, registrationToken, baseUrl.of(request));
      status = 200;
      vars.put("ok", true);
      vars.put("platformName", result.platform().name());
      vars.put("issuer", result.platform().issuer());
      vars.put("clientId", result.platform().clientId());
      vars.put("deploymentId", result.deploymentId().orElse(null));
    } catch (RegistrationFailedException e) {
      LOG.warning(() -> "registration refused: " + e.getMessage());
      status = e.reason().status();
      vars.put("ok", false);
      vars.put("messageKey", e.reason().messageKey());
      vars.put("status", status);
    }
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Content-Security-Policy", SecurityHeadersFilter.contentSecurityPolicy(ancestors))
        .entity(pages.render("register", locale, vars))
        .build();
  }
}
