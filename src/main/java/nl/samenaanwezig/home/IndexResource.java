package nl.samenaanwezig.home;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.demo.DemoPlatform;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Locales;
import nl.samenaanwezig.web.Pages;

/**
 * The tool's own address ({@code /}), which people reach outside their learning platform: in demo
 * mode the demo platform, otherwise a short page saying what this is, that students and mentors
 * open it from the learning platform, and how an administrator registers it there.
 */
@Path("/")
public class IndexResource {
  @Inject Pages pages;
  @Inject DemoPlatform demo;
  @Inject BaseUrl baseUrl;
  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response index(@QueryParam("lang") String lang) {
    if (demo.enabled()) {
      return Response.seeOther(URI.create("/demo")).build();
    }
    // Nobody is signed in here: the browser's language, or the one chosen with the link.
    Locale locale =
        lang == null || lang.isBlank()
            ? ErrorPages.localeOf(request)
            : Locales.supported(Locale.forLanguageTag(lang));
    String html =
        pages.render(
            "index",
            locale,
            Map.of(
                "registerUrl",
                baseUrl.of(request) + "/lti/register",
                "otherLang",
                Locales.ENGLISH.equals(locale) ? "nl" : "en"));
    return Response.ok(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
  }
}
