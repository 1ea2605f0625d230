package nl.samenaanwezig.infocard;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Locales;
import nl.samenaanwezig.web.Pages;

/**
 * The card of a course: for its students and mentors after a launch (also as a placed activity),
 * and for families through the public link in the QR code; as print page and as PDF.
 */
@Path("/infocard")
public class InfoCardResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject InfoCards cards;
  @Inject CardPages cardPages;
  @Inject PublicLinks links;
  @Inject BaseUrl baseUrl;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  @Path("{courseId: [0-9]+}")
  public Response page(
      @PathParam("courseId") long courseId,
      @QueryParam("lang") String lang,
      @QueryParam("size") String size) {
    Session session = sessions.require(request);
    return render(session, courseId, lang, size, false);
  }

  @GET
  @Path("{courseId: [0-9]+}/card.pdf")
  public Response pdf(
      @PathParam("courseId") long courseId,
      @QueryParam("lang") String lang,
      @QueryParam("size") String size) {
    Session session = sessions.require(request);
    return render(session, courseId, lang, size, true);
  }

  @GET
  @Path("public/{token}")
  public Response publicPage(
      @PathParam("token") String token,
      @QueryParam("lang") String lang,
      @QueryParam("size") String size) {
    return renderPublic(token, lang, size, false);
  }

  @GET
  @Path("public/{token}/card.pdf")
  public Response publicPdf(
      @PathParam("token") String token,
      @QueryParam("lang") String lang,
      @QueryParam("size") String size) {
    return renderPublic(token, lang, size, true);
  }

  /** The card's stylesheets live on the classpath: the PDF inlines the very same file. */
  @GET
  @Path("{name: card(-a5|-screen)?\\.css}")
  @Produces("text/css; charset=UTF-8")
  public String css(@PathParam("name") String name) {
    return CardPages.resource("infocard/" + name);
  }

  private Response render(Session session, long courseId, String lang, String size, boolean asPdf) {
    // A student or mentor of this course; anyone else gets the same 404, so ids cannot be probed.
    Optional<Course> asStudent = memberships.courseWhere(session.person(), courseId, Role.STUDENT);
    Optional<Course> asMentor = memberships.courseWhere(session.person(), courseId, Role.MENTOR);
    Course course = asMentor.or(() -> asStudent).orElseThrow(NotFoundException::new);
    long institutionId = course.platform().institution().id();
    Paper paper = Paper.of(size);
    List<CardLanguage> languages = cards.languages(institutionId);
    CardLanguage fallback =
        asMentor.isPresent()
            ? CardLanguage.of(session.locale().getLanguage()).orElse(CardLanguage.NL)
            : cards.languageFor(session.person(), institutionId);
    Optional<CardLanguage> language = choose(lang, languages, fallback);
    if (paper == null || language.isEmpty()) {
      return unknownChoice(session.locale());
    }
    InfoCard card =
        cards.card(
            new InfoCards.Target(
                institutionId,
                course.platform().institution().name(),
                course,
                null,
                baseUrl.of(request)),
            language.get());
    CardPages.View view =
        new CardPages.View(
            List.of(card),
            false,
            card.title().text() + " · " + course.displayTitle(),
            paper,
            "/infocard/" + courseId,
            language.get(),
            languages,
            asMentor.isPresent() ? "/class/" + courseId + "/infocard/edit" : "/me");
    return asPdf
        ? cardPages.pdf(view, session.locale(), "informatiekaart-" + language.get().tag() + ".pdf")
        : cardPages.html(view, session.locale());
  }

  private Response renderPublic(String token, String lang, String size, boolean asPdf) {
    Locale viewer = ErrorPages.localeOf(request);
    Course course = links.courseOf(token).orElseThrow(NotFoundException::new);
    long institutionId = course.platform().institution().id();
    Paper paper = Paper.of(size);
    List<CardLanguage> languages = cards.languages(institutionId);
    Optional<CardLanguage> language =
        choose(lang, languages, CardLanguage.of(viewer.getLanguage()).orElse(CardLanguage.NL));
    if (paper == null || language.isEmpty()) {
      return unknownChoice(viewer);
    }
    InfoCard card =
        cards.card(
            new InfoCards.Target(
                institutionId,
                course.platform().institution().name(),
                course,
                null,
                baseUrl.of(request)),
            language.get());
    CardPages.View view =
        new CardPages.View(
            List.of(card),
            false,
            card.title().text() + " · " + course.displayTitle(),
            paper,
            "/infocard/public/" + token,
            language.get(),
            languages,
            null);
    return asPdf
        ? cardPages.pdf(view, viewer, "informatiekaart-" + language.get().tag() + ".pdf")
        : cardPages.html(view, viewer);
  }

  /** The asked language when the card exists in it; no ask means the viewer's default. */
  static Optional<CardLanguage> choose(
      String lang, List<CardLanguage> languages, CardLanguage fallback) {
    if (lang == null || lang.isBlank()) {
      return Optional.of(languages.contains(fallback) ? fallback : CardLanguage.NL);
    }
    return CardLanguage.of(lang)
        .filter(l -> l.tag().equals(lang.strip()))
        .filter(languages::contains);
  }

  private Response unknownChoice(Locale viewer) {
    return ErrorPages.page(pages, 404, "infocard.unknownChoice", Locales.supported(viewer));
  }
}
