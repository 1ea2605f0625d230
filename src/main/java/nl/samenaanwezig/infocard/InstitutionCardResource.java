package nl.samenaanwezig.infocard;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.protocol.Protocol;
import nl.samenaanwezig.protocol.ProtocolSettings;
import nl.samenaanwezig.protocol.ProtocolStep;
import nl.samenaanwezig.web.Pages;

/**
 * The administrator's card editor ({@code /admin/infocard}): the institution's texts per language
 * with a live plain-language check, the translations the school added, and a preview.
 */
@Path("/admin/infocard")
public class InstitutionCardResource {
  @Inject Sessions sessions;
  @Inject CardTexts texts;
  @Inject InfoCards cards;
  @Inject CardPages cardPages;
  @Inject ProtocolSettings protocols;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** One language in the list at the top of the editor. */
  public record LanguageRow(
      CardLanguage language, String href, String status, boolean current, boolean complete) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@QueryParam("lang") String lang, @QueryParam("notice") String notice) {
    Session session = admin();
    CardLanguage language = editable(lang);
    long institutionId = session.platform().institution().id();
    Map<String, CardText> own = texts.institution(institutionId, language);
    Map<String, String> values = new HashMap<>();
    own.forEach((key, text) -> values.put(key, text.text()));
    return render(
        session,
        language,
        values,
        Map.of(),
        "saved".equals(notice) ? "infocard.admin.saved" : null,
        200);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response save(@QueryParam("lang") String lang, MultivaluedMap<String, String> form) {
    Session session = admin();
    CardLanguage language = editable(lang);
    long institutionId = session.platform().institution().id();
    Map<String, String> typed = new HashMap<>();
    form.forEach((k, v) -> typed.put(k, v.isEmpty() ? null : v.get(0)));
    Draft draft = Draft.of(language, Parts.institution(language), typed);
    List<Draft.Problem> problems = draft.problems();
    if (!problems.isEmpty()) {
      Map<String, String> byKey = new HashMap<>();
      for (Draft.Problem p : problems) {
        byKey.putIfAbsent(
            p.key(), Pages.text(session.locale(), p.messageKey(), p.args().toArray()));
      }
      return render(session, language, draft.texts(), byKey, null, 400);
    }
    texts.save(institutionId, null, language, draft.texts(), session.person().id());
    return Response.seeOther(URI.create("/admin/infocard?lang=" + language.tag() + "&notice=saved"))
        .build();
  }

  /** The live plain-language check of the editor's script (JSON in, JSON out). */
  @POST
  @Path("score")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response score(String body) {
    Session session = admin();
    return Scoring.answer(body, session.locale());
  }

  /** The institution's card as a family will see it, with a placeholder where the mentor goes. */
  @GET
  @Path("preview")
  public Response preview(@QueryParam("lang") String lang, @QueryParam("size") String size) {
    return preview(lang, size, false);
  }

  @GET
  @Path("preview/card.pdf")
  public Response previewPdf(@QueryParam("lang") String lang, @QueryParam("size") String size) {
    return preview(lang, size, true);
  }

  private Response preview(String lang, String size, boolean asPdf) {
    Session session = admin();
    CardLanguage language = editable(lang);
    Paper paper = Paper.of(size);
    if (paper == null) {
      throw new NotFoundException();
    }
    long institutionId = session.platform().institution().id();
    InfoCard card =
        cards.card(
            new InfoCards.Target(
                institutionId, session.platform().institution().name(), null, null, null),
            language);
    List<CardLanguage> languages = new ArrayList<>(cards.languages(institutionId));
    if (!languages.contains(language)) {
      languages.add(language);
    }
    CardPages.View view =
        new CardPages.View(
            List.of(card),
            false,
            Pages.text(session.locale(), "infocard.preview.title", card.title().text()),
            paper,
            "/admin/infocard/preview",
            language,
            languages,
            "/admin/infocard?lang=" + language.tag());
    return asPdf
        ? cardPages.pdf(view, session.locale(), "informatiekaart-" + language.tag() + ".pdf")
        : cardPages.html(view, session.locale());
  }

  private Response render(
      Session session,
      CardLanguage language,
      Map<String, String> values,
      Map<String, String> problems,
      String notice,
      int status) {
    Locale viewer = session.locale();
    long institutionId = session.platform().institution().id();
    DateTimeFormatter date =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(viewer)
            .withZone(InfoCards.SCHOOL_ZONE);
    List<LanguageRow> rows = new ArrayList<>();
    List<CardLanguage> present = new ArrayList<>();
    for (CardTexts.LanguageStatus s : texts.languages(institutionId)) {
      present.add(s.language());
      String line =
          s.language().builtIn() && s.written() == 0
              ? Pages.text(viewer, "infocard.admin.status.defaults")
              : Pages.text(viewer, "infocard.admin.status", s.written(), s.parts());
      if (s.lastChanged().isPresent()) {
        line +=
            " " + Pages.text(viewer, "infocard.admin.changed", date.format(s.lastChanged().get()));
      }
      rows.add(
          new LanguageRow(
              s.language(),
              "/admin/infocard?lang=" + s.language().tag(),
              line,
              s.language() == language,
              s.complete()));
    }
    List<CardLanguage> addable = new ArrayList<>();
    for (CardLanguage l : CardLanguage.values()) {
      if (!present.contains(l)) {
        addable.add(l);
      }
    }
    Map<String, Object> vars = Frame.of(session, "/admin");
    // The page language switch comes back to this editor, not to /admin.
    vars.put("back", "/admin/infocard?lang=" + language.tag());
    vars.put("institution", session.platform().institution().name());
    vars.put("languageRows", rows);
    vars.put("addable", addable);
    vars.put("language", language);
    vars.put("editingNew", !present.contains(language));
    vars.put("notice", notice);
    vars.put("problems", problems);
    vars.put("action", "/admin/infocard?lang=" + language.tag());
    vars.put("scoreUrl", "/admin/infocard/score");
    vars.put("previewUrl", "/admin/infocard/preview?lang=" + language.tag());
    vars.put("sections", sectionFields(language, values, problems, viewer, institutionId));
    vars.put("labels", labelFields(language, values, problems, viewer));
    vars.put("steps", stepFields(language, values, problems, viewer, institutionId));
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(pages.render("infocard-admin", viewer, vars))
        .build();
  }

  /**
   * The three institution sections. In Dutch and English an unwritten section starts with the
   * product's text, so its score shows at once; in other languages the Dutch card text is shown as
   * the source to translate.
   */
  private List<EditorField> sectionFields(
      CardLanguage language,
      Map<String, String> values,
      Map<String, String> problems,
      Locale viewer,
      long institutionId) {
    Map<String, CardText> dutch =
        language.builtIn() ? Map.of() : texts.institution(institutionId, CardLanguage.NL);
    List<EditorField> fields = new ArrayList<>();
    for (Section s : Section.values()) {
      if (!s.forInstitution()) {
        continue;
      }
      String value = values.get(s.key());
      if (value == null && language.builtIn()) {
        value = Pages.text(language.locale(), s.defaultKey());
      }
      value = value == null ? "" : value;
      String source = null;
      if (!language.builtIn()) {
        CardText nl = dutch.get(s.key());
        source = nl != null ? nl.text() : Pages.text(CardLanguage.NL.locale(), s.defaultKey());
      }
      fields.add(
          new EditorField(
              s.key(),
              Pages.text(viewer, "infocard.section." + s.key()),
              Pages.text(viewer, "infocard.section." + s.key() + ".hint")
                  + " "
                  + Pages.text(
                      viewer,
                      language.builtIn()
                          ? "infocard.section.emptyDefault"
                          : "infocard.section.emptyDutch"),
              value,
              s.maxLength(),
              source,
              List.of(),
              ScoreView.of(language, value, viewer),
              problems.get(s.key()),
              6));
    }
    return fields;
  }

  /** Headings to translate; only for languages the product does not ship. */
  private List<EditorField> labelFields(
      CardLanguage language,
      Map<String, String> values,
      Map<String, String> problems,
      Locale viewer) {
    if (language.builtIn()) {
      return List.of();
    }
    List<EditorField> fields = new ArrayList<>();
    for (Label l : Label.values()) {
      String dutch = Pages.text(CardLanguage.NL.locale(), l.messageKey());
      fields.add(
          new EditorField(
              l.key(),
              Pages.text(viewer, "infocard.edit.label", dutch),
              null,
              values.getOrDefault(l.key(), ""),
              Label.MAX_LENGTH,
              null,
              List.of(),
              null,
              problems.get(l.key()),
              1));
    }
    return fields;
  }

  /** Protocol steps to translate with their placeholders; only for other languages. */
  private List<EditorField> stepFields(
      CardLanguage language,
      Map<String, String> values,
      Map<String, String> problems,
      Locale viewer,
      long institutionId) {
    if (language.builtIn()) {
      return List.of();
    }
    Protocol protocol = protocols.of(institutionId);
    List<EditorField> fields = new ArrayList<>();
    for (ProtocolStep step : StepTranslation.allSteps()) {
      String key = StepTranslation.key(step);
      fields.add(
          new EditorField(
              key,
              Pages.text(
                  viewer, step.keyPrefix() + ".title", step.args(protocol.setting(step.rule()))),
              null,
              values.getOrDefault(key, ""),
              StepTranslation.MAX_LENGTH,
              StepTranslation.source(step),
              StepTranslation.legend(step, protocol.setting(step.rule()), viewer),
              null,
              problems.get(key),
              3));
    }
    return fields;
  }

  /** Any card language may be edited; opening one that has no texts yet starts a translation. */
  private static CardLanguage editable(String lang) {
    if (lang == null || lang.isBlank()) {
      return CardLanguage.NL;
    }
    return CardLanguage.of(lang)
        .filter(l -> l.tag().equals(lang.strip()))
        .orElseThrow(NotFoundException::new);
  }

  private Session admin() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    return session;
  }
}
