package nl.samenaanwezig.infocard;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;

/**
 * The JSON side of the plain-language check: {@code {"language": "nl", "text": "..."}} in, the
 * {@link ScoreView} out; a bad request gets a JSON problem (RFC 9457) in the editor's language.
 */
final class Scoring {
  /** More than any card text may hold, with room for pasting. */
  static final int MAX_TEXT = 5000;

  private Scoring() {}

  static Response answer(String body, Locale viewer) {
    JsonObject request;
    try {
      JsonValue value = Json.createReader(new StringReader(body == null ? "" : body)).readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return problem(viewer, "infocard.score.badJson");
      }
      request = value.asJsonObject();
    } catch (JsonException e) {
      return problem(viewer, "infocard.score.badJson");
    }
    if (!(request.get("language") instanceof JsonString lang)
        || !(request.get("text") instanceof JsonString text)) {
      return problem(viewer, "infocard.score.badJson");
    }
    CardLanguage language =
        CardLanguage.of(lang.getString())
            .filter(l -> l.tag().equals(lang.getString()))
            .orElse(null);
    if (language == null) {
      return problem(viewer, "infocard.score.badLanguage");
    }
    if (text.getString().length() > MAX_TEXT) {
      return problem(viewer, "infocard.score.tooLong", MAX_TEXT);
    }
    return Response.ok(ScoreView.of(language, text.getString(), viewer).json().toString())
        .type("application/json; charset=UTF-8")
        .build();
  }

  private static Response problem(Locale viewer, String key, Object... args) {
    String json =
        Json.createObjectBuilder()
            .add("status", 400)
            .add("title", Pages.text(viewer, key, args))
            .build()
            .toString();
    return Response.status(400)
        .type("application/problem+json; charset=UTF-8")
        .entity(json)
        .build();
  }
}
