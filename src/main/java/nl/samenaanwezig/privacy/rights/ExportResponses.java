package nl.samenaanwezig.privacy.rights;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.web.Pages;

/** The two forms of an export: a JSON download and a readable page. */
final class ExportResponses {
  private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
  private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  private ExportResponses() {}

  static Response json(StudentExport export) {
    return Response.ok(JSON.toJson(export), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header(
            "Content-Disposition",
            "attachment; filename=\"samen-aanwezig-" + export.student().id() + ".json\"")
        .build();
  }

  /** The readable page; {@code vars} carries the page frame (menu, back link). */
  static String html(
      Pages pages, StudentExport export, Locale locale, Map<String, Object> vars, String jsonUrl) {
    vars.put("export", export);
    vars.put("jsonUrl", jsonUrl);
    vars.put(
        "when",
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(SCHOOL_ZONE));
    vars.put("dates", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    return pages.render("export", locale, vars);
  }
}
