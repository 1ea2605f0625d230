package nl.samenaanwezig.infocard;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.Pages;

/**
 * The mentor's side of the card: their phone number and the course's own texts, one card per
 * student to print or download as one PDF, and the public link behind the QR code.
 */
@Path("/class/{courseId}/infocard")
public class ClassCardResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject CardTexts texts;
  @Inject MentorPhones phones;
  @Inject PublicLinks links;
  @Inject InfoCards cards;
  @Inject CardPages cardPages;
  @Inject BaseUrl baseUrl;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  private static final Map<String, String> NOTICES =
      Map.of("saved", "infocard.class.saved", "renewed", "infocard.class.link.renewed");

  @GET
  @Path("edit")
  @Produces(MediaType.TEXT_HTML)
  public Response edit(
      @PathParam("courseId") long courseId,
      @QueryParam("lang") String lang,
      @QueryParam("notice") String notice) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    CardLanguage language = language(course, lang, session);
    Map<String, String> values = new HashMap<>();
    texts.course(courseId, language).forEach((key, text) -> values.put(key, text.text()));
    String phone = phones.of(courseId).getOrDefault(session.person().id(), "");
    return render(
        session,
        course,
        language,
        values,
        phone,
        Map.of(),
        notice == null ? null : NOTICES.get(notice),
        200);
  }

  @POST
  @Path("edit")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response save(
      @PathParam("courseId") long courseId,
      @QueryParam("lang") String lang,
      MultivaluedMap<String, String> form) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    CardLanguage language = language(course, lang, session);
    Map<String, String> typed = new HashMap<>();
    form.forEach((k, v) -> typed.put(k, v.isEmpty() ? null : v.get(0)));
    Draft draft = Draft.of(language, Parts.course(), typed);
    Map<String, String> problems = new HashMap<>();
    for (Draft.Problem p : draft.problems()) {
      problems.putIfAbsent(
          p.key(), Pages.text(session.locale(), p.messageKey(), p.args().toArray()));
    }
    // A form without the field leaves the number as it is; an empty field removes it.
    boolean phoneSent = typed.containsKey("phone");
    String typedPhone = typed.get("phone") == null ? "" : typed.get("phone");
    Optional<String> phone = MentorPhones.clean(typedPhone);
    if (!typedPhone.isBlank() && phone.isEmpty()) {
      problems.put("phone", Pages.text(session.locale(), "infocard.class.phone.invalid"));
    }
    if (!problems.isEmpty()) {
      return render(session, course, language, draft.texts(), typedPhone, problems, null, 400);
    }
    long institutionId = course.platform().institution().id();
    texts.save(institutionId, courseId, language, draft.texts(), session.person().id());
    if (phoneSent) {
      phones.set(courseId, session.person().id(), phone);
    }
    return Response.seeOther(
            URI.create(
                "/class/" + courseId + "/infocard/edit?lang=" + language.tag() + "&notice=saved"))
        .build();
  }

  @POST
  @Path("score")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response score(@PathParam("courseId") long courseId, String body) {
    Session session = sessions.require(request);
    mentorCourse(session, courseId);
    return Scoring.answer(body, session.locale());
  }

  /** Renewing revokes: the old link and every QR code printed with it stop working. */
  @POST
  @Path("link/renew")
  public Response renewLink(@PathParam("courseId") long courseId) {
    Session session = sessions.require(request);
    mentorCourse(session, courseId);
    links.renew(courseId, session.person().id());
    return Response.seeOther(URI.create("/class/" + courseId + "/infocard/edit?notice=renewed"))
        .build();
  }

  /**
   * One card per student, each in the family's language (the first buddy's, else the student's), to
   * print in one go.
   */
  @GET
  @Path("cards")
  public Response cards(@PathParam("courseId") long courseId, @QueryParam("size") String size) {
    return classCards(courseId, size, false);
  }

  @GET
  @Path("cards.pdf")
  public Response cardsPdf(@PathParam("courseId") long courseId, @QueryParam("size") String size) {
    return classCards(courseId, size, true);
  }

  private Response classCards(long courseId, String size, boolean asPdf) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Paper paper = Paper.of(size);
    if (paper == null) {
      throw new NotFoundException();
    }
    long institutionId = course.platform().institution().id();
    String school = course.platform().institution().name();
    String base = baseUrl.of(request);
    Map<Long, CardLanguage> languages = cards.familyLanguages(course, institutionId);
    List<InfoCard> all = new ArrayList<>();
    for (Member m : memberships.members(course, Role.STUDENT)) {
      all.add(
          cards.card(
              new InfoCards.Target(institutionId, school, course, m.person(), base),
              languages.getOrDefault(m.person().id(), CardLanguage.NL)));
    }
    CardPages.View view =
        new CardPages.View(
            all,
            true,
            Pages.text(session.locale(), "infocard.class.title", course.displayTitle()),
            paper,
            "/class/" + courseId + "/infocard/cards",
            null,
            List.of(),
            "/class/" + courseId + "/infocard/edit");
    return asPdf
        ? cardPages.pdf(view, session.locale(), "informatiekaarten-klas.pdf")
        : cardPages.html(view, session.locale());
  }

  private Response render(
      Session session,
      Course course,
      CardLanguage language,
      Map<String, String> values,
      String phone,
      Map<String, String> problems,
      String notice,
      int status) {
    Locale viewer = session.locale();
    long courseId = course.id();
    long institutionId = course.platform().institution().id();
    List<InstitutionCardResource.LanguageRow> rows = new ArrayList<>();
    for (CardLanguage l : cards.languages(institutionId)) {
      rows.add(
          new InstitutionCardResource.LanguageRow(
              l,
              "/class/" + courseId + "/infocard/edit?lang=" + l.tag(),
              null,
              l == language,
              true));
    }
    List<EditorField> fields = new ArrayList<>();
    for (Section s : Section.values()) {
      if (!s.forCourse()) {
        continue;
      }
      String value = values.getOrDefault(s.key(), "");
      fields.add(
          new EditorField(
              s.key(),
              Pages.text(viewer, "infocard.class.section." + s.key()),
              Pages.text(viewer, "infocard.class.section." + s.key() + ".hint"),
              value,
              s.maxLength(),
              null,
              List.of(),
              ScoreView.of(language, value, viewer),
              problems.get(s.key()),
              4));
    }
    Map<String, Object> vars = Frame.of(session, "/class/" + courseId);
    // The page language switch comes back to this editor, not to the class page.
    vars.put("back", "/class/" + courseId + "/infocard/edit?lang=" + language.tag());
    vars.put("courseTitle", course.displayTitle());
    vars.put("courseId", courseId);
    vars.put("languageRows", rows);
    vars.put("language", language);
    vars.put("fields", fields);
    vars.put("phone", phone);
    vars.put("phoneProblem", problems.get("phone"));
    vars.put("problems", problems);
    vars.put("notice", notice);
    vars.put("action", "/class/" + courseId + "/infocard/edit?lang=" + language.tag());
    vars.put("scoreUrl", "/class/" + courseId + "/infocard/score");
    vars.put("cardUrl", "/infocard/" + courseId + "?lang=" + language.tag());
    vars.put("cardsUrl", "/class/" + courseId + "/infocard/cards");
    vars.put("cardsPdfUrl", "/class/" + courseId + "/infocard/cards.pdf");
    vars.put(
        "publicUrl",
        baseUrl.of(request)
            + "/infocard/public/"
            + links.tokenOf(courseId, session.person().id())
            + "?lang="
            + language.tag());
    vars.put("renewUrl", "/class/" + courseId + "/infocard/link/renew");
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(pages.render("infocard-class", viewer, vars))
        .build();
  }

  /** Mentors of this course only; anyone else gets the same 404, so ids cannot be probed. */
  private Course mentorCourse(Session session, long courseId) {
    return memberships
        .courseWhere(session.person(), courseId, Role.MENTOR)
        .orElseThrow(NotFoundException::new);
  }

  /** A language the institution's card exists in; no choice means the mentor's own. */
  private CardLanguage language(Course course, String lang, Session session) {
    List<CardLanguage> languages = cards.languages(course.platform().institution().id());
    CardLanguage own = CardLanguage.of(session.locale().getLanguage()).orElse(CardLanguage.NL);
    return InfoCardResource.choose(lang, languages, own).orElseThrow(NotFoundException::new);
  }
}
