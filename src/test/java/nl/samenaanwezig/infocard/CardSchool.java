package nl.samenaanwezig.infocard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * One school (its own platform and institution) on a running tool, with short ways to launch its
 * people, post the card editors' forms and read PDFs back as text.
 */
final class CardSchool implements AutoCloseable {
  final ToolServer tool;
  final TestPlatform platform;

  CardSchool(ToolServer tool) {
    this.tool = tool;
    this.platform = TestPlatform.start().registerWith(tool);
  }

  /** An administrator launch without a course: lands on /admin. */
  Browser admin() {
    Browser b = new Browser();
    HttpResponse<String> page =
        b.follow(platform.launch().asAdmin().without(LtiClaims.CONTEXT).run(b));
    assertEquals("/admin", page.uri().getPath(), page.body());
    return b;
  }

  /** The default mentor (Jeroen Smits) of course-1. */
  Browser mentor() {
    Browser b = new Browser();
    b.follow(platform.launch().asMentor().run(b));
    return b;
  }

  /** A student of course-1 whose platform language is {@code locale}. */
  Browser student(String sub, String given, String family, String locale) {
    Browser b = new Browser();
    b.follow(
        platform
            .launch()
            .person(sub, given, family, List.of(Role.Lis.LEARNER.uri()))
            .claim(
                LtiClaims.LAUNCH_PRESENTATION,
                Map.of("document_target", "iframe", "locale", locale))
            .run(b));
    return b;
  }

  long courseId(String contextId) {
    return tool.count(
        "SELECT c.id FROM course c JOIN platform p ON c.platform_id = p.id"
            + " WHERE p.issuer = ? AND c.context_id = ?",
        platform.issuer(),
        contextId);
  }

  long institutionId() {
    return tool.count("SELECT institution_id FROM platform WHERE issuer = ?", platform.issuer());
  }

  String url(String path) {
    return tool.baseUrl() + path;
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), "page has a CSRF field");
    return m.group(1);
  }

  /** Opens an editor page and posts its form with these fields (plus the page's CSRF token). */
  HttpResponse<String> post(Browser b, String pagePath, String action, Map<String, String> fields) {
    HttpResponse<String> page = b.get(url(pagePath));
    assertEquals(200, page.statusCode(), page.body());
    Map<String, String> form = new java.util.LinkedHashMap<>(fields);
    form.put("csrf", csrf(page.body()));
    return b.postForm(url(action), form);
  }

  /** Saves the institution's texts in a language as the administrator; expects success. */
  void writeInstitution(Browser admin, String lang, Map<String, String> texts) {
    HttpResponse<String> saved =
        post(admin, "/admin/infocard?lang=" + lang, "/admin/infocard?lang=" + lang, texts);
    assertEquals(303, saved.statusCode(), saved.body());
  }

  /** A GET whose body is bytes (a PDF), with the browser's session cookie. */
  HttpResponse<byte[]> bytes(Browser b, String path) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url(path))).GET();
    String cookie = b == null ? null : b.cookie("localhost", "sa_session");
    if (cookie != null) {
      req.header("Cookie", "sa_session=" + cookie);
    }
    return send(req);
  }

  /** A JSON POST with the session cookie and, when given, the CSRF header. */
  HttpResponse<String> postJson(Browser b, String path, String json, String csrf) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .header("Cookie", "sa_session=" + b.cookie("localhost", "sa_session"))
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (csrf != null) {
      req.header("X-CSRF-Token", csrf);
    }
    try {
      return HttpClient.newHttpClient()
          .send(req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder req) {
    try {
      return HttpClient.newHttpClient()
          .send(
              req.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The text of every page of a PDF, one string per page. */
  static List<String> pages(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      List<String> pages = new java.util.ArrayList<>();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(stripper.getText(doc));
      }
      return pages;
    } catch (IOException e) {
      throw new IllegalStateException("not a readable PDF", e);
    }
  }

  /** A PDF's text with line breaks made spaces, so sentences wrapped on paper still match. */
  static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Override
  public void close() {
    platform.close();
  }
}
