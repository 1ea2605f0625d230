package nl.samenaanwezig.demo;

import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
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
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.samenaanwezig.lti.Platform;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * The demo platform's pages and endpoints: a start page with "open as ..." buttons, the OIDC auth
 * endpoint, and its keyset. Everything here answers 404 unless demo mode is on and the request is
 * from and to localhost.
 */
@Path("/demo")
public class DemoResource {
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  @Inject DemoPlatform demo;
  @Inject Pages pages;
  @Inject BaseUrl baseUrl;
  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String index() {
    Platform platform = guard();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("mentor", DemoSchool.MENTOR.name());
    vars.put("admin", DemoSchool.ADMIN.name());
    vars.put("students", DemoSchool.STUDENTS);
    vars.put("issuer", platform.issuer());
    vars.put("seeding", demo.seeding());
    return pages.render("demo", ErrorPages.localeOf(request), vars);
  }

  /** A page that frames the tool the way an LMS course page does. */
  @GET
  @Path("embedded")
  @Produces(MediaType.TEXT_HTML)
  public String embedded(@QueryParam("as") String as, @QueryParam("student") String student) {
    guard();
    DemoSchool.User user = user(as, student);
    return pages.render(
        "demo-embedded",
        ErrorPages.localeOf(request),
        Map.of("src", "/demo/start?as=" + user.role() + "&student=" + user.sub()));
  }

  /** Like an LMS: posts a third-party login initiation to the tool. */
  @GET
  @Path("start")
  @Produces(MediaType.TEXT_HTML)
  public String start(@QueryParam("as") String as, @QueryParam("student") String student) {
    Platform platform = guard();
    DemoSchool.User user = user(as, student);
    String base = baseUrl.of(request);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("iss", platform.issuer());
    fields.put("login_hint", user.sub());
    fields.put("target_link_uri", base + "/lti/launch");
    fields.put("lti_message_hint", user.role());
    fields.put("client_id", platform.clientId());
    fields.put("lti_deployment_id", DemoSchool.DEPLOYMENT_ID);
    return pages.render(
        "autopost", ErrorPages.localeOf(request), Map.of("action", "/lti/login", "fields", fields));
  }

  /** The demo platform's OIDC authorization endpoint: answers with a signed id_token. */
  @GET
  @Path("auth")
  @Produces(MediaType.TEXT_HTML)
  public Response auth() {
    Platform platform = guard();
    AuthenticationRequest auth;
    try {
      auth =
          AuthenticationRequest.parse(
              URI.create(request.getRequestURL() + "?" + request.getQueryString()));
    } catch (Exception e) {
      return ErrorPages.page(pages, 400, "error.badRequest", ErrorPages.localeOf(request));
    }
    String expectedRedirect = baseUrl.of(request) + "/lti/launch";
    DemoSchool.User user = DemoSchool.find(auth.getLoginHint());
    if (user == null
        || !platform.clientId().equals(auth.getClientID().getValue())
        || !expectedRedirect.equals(auth.getRedirectionURI().toString())
        || auth.getNonce() == null) {
      return ErrorPages.page(pages, 400, "error.badRequest", ErrorPages.localeOf(request));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(
        "id_token", demo.idToken(platform, user, auth.getNonce().getValue(), expectedRedirect));
    fields.put("state", auth.getState().getValue());
    String html =
        pages.render(
            "autopost",
            ErrorPages.localeOf(request),
            Map.of("action", expectedRedirect, "fields", fields));
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
  }

  @GET
  @Path("jwks.json")
  @Produces(MediaType.APPLICATION_JSON)
  public String jwks() {
    guard();
    return demo.publicKeys().toString(true);
  }

  private static DemoSchool.User user(String as, String student) {
    if ("mentor".equals(as)) {
      return DemoSchool.MENTOR;
    }
    if ("admin".equals(as)) {
      return DemoSchool.ADMIN;
    }
    DemoSchool.User found = DemoSchool.find(student);
    if (found == null || !"student".equals(found.role())) {
      return DemoSchool.STUDENTS.get(0);
    }
    return found;
  }

  /** 404 unless demo mode is on and both ends of the request are this machine. */
  private Platform guard() {
    if (!demo.enabled() || !LOCAL_HOSTS.contains(request.getServerName()) || !fromLoopback()) {
      throw new NotFoundException();
    }
    return demo.platformFor(baseUrl.of(request));
  }

  private boolean fromLoopback() {
    try {
      return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
