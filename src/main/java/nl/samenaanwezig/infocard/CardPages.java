package nl.samenaanwezig.infocard;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.web.Pages;

/**
 * Renders cards from the one template {@code infocard.html}: as a print page (with a toolbar for
 * language, paper, print and PDF) or, with the stylesheet inlined, as a PDF.
 */
public final class CardPages {
  private final Pages pages;
  private final CardPdf pdf;

  public CardPages(Pages pages, CardPdf pdf) {
    this.pages = pages;
    this.pdf = pdf;
  }

  /** A link in the toolbar: another language or paper size of the same card. */
  public record Choice(String href, String label, String lang, boolean current) {}

  /**
   * What one rendering shows: the cards, whether there are several (a class), the page title, the
   * paper, and for the toolbar the path the choices link to, the languages and the way back.
   */
  record View(
      List<InfoCard> cards,
      boolean multi,
      String title,
      Paper paper,
      String path,
      CardLanguage language,
      List<CardLanguage> languages,
      String backUrl) {}

  Response html(View view, Locale viewer) {
    Map<String, Object> vars = vars(view, viewer);
    vars.put("pdf", false);
    List<Choice> languages = new ArrayList<>();
    for (CardLanguage l : view.languages()) {
      languages.add(
          new Choice(
              view.path() + "?lang=" + l.tag() + "&size=" + view.paper().param(),
              l.nativeName(),
              l.tag(),
              l == view.language()));
    }
    List<Choice> sizes = new ArrayList<>();
    String langPart = view.language() == null ? "" : "lang=" + view.language().tag() + "&";
    for (Paper p : Paper.values()) {
      sizes.add(
          new Choice(
              view.path() + "?" + langPart + "size=" + p.param(),
              p.name(),
              null,
              p == view.paper()));
    }
    vars.put("languages", languages);
    vars.put("sizes", sizes);
    vars.put("backUrl", view.backUrl());
    vars.put("pdfUrl", pdfPath(view.path()) + "?" + langPart + "size=" + view.paper().param());
    return Response.ok(
            pages.render("infocard", viewer, vars), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }

  Response pdf(View view, Locale viewer, String fileName) {
    Map<String, Object> vars = vars(view, viewer);
    vars.put("pdf", true);
    vars.put("css", css(view.paper()));
    byte[] document = pdf.render(pages.render("infocard", viewer, vars));
    return Response.ok(document, "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  /** The PDF link next to a card page: {@code /infocard/7} becomes {@code /infocard/7/card.pdf}. */
  static String pdfPath(String path) {
    return path.endsWith("/cards") ? path + ".pdf" : path + "/card.pdf";
  }

  private static Map<String, Object> vars(View view, Locale viewer) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("cards", view.cards());
    vars.put("multi", view.multi());
    vars.put("pageTitle", view.title());
    vars.put("a5", view.paper() == Paper.A5);
    CardLanguage only =
        view.multi() || view.cards().isEmpty() ? null : view.cards().get(0).language();
    vars.put("pageLang", only == null ? viewer.getLanguage() : only.tag());
    vars.put("pageDir", only == null ? "ltr" : only.dir());
    vars.put("dir", "ltr");
    return vars;
  }

  /** The card's stylesheet (and the A5 one) as one string, for the PDF. */
  static String css(Paper paper) {
    String css = resource("infocard/card.css");
    return paper == Paper.A5 ? css + "\n" + resource("infocard/card-a5.css") : css;
  }

  static String resource(String name) {
    try (InputStream in = CardPages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
