package nl.samenaanwezig.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;

/**
 * Reads members of a JSON request body one by one, collecting an error with a JSON Pointer for each
 * wrong one instead of stopping at the first, so a client sees everything to fix at once.
 */
final class JsonFields {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

  private final Locale locale;
  private final List<Problem.FieldError> errors = new ArrayList<>();

  JsonFields(Locale locale) {
    this.locale = locale;
  }

  /**
   * How deeply arrays and objects nest in {@code json}, read without parsing it: the JSON parser
   * refuses more than 1000 levels with an unchecked error of its own, and a body of this API never
   * needs more than a few.
   */
  static int depth(String json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }

  void error(String pointer, String key, Object... args) {
    errors.add(new Problem.FieldError(pointer, Pages.text(locale, key, args)));
  }

  List<Problem.FieldError> errors() {
    return errors;
  }

  boolean ok() {
    return errors.isEmpty();
  }

  /** A string member; null (and an error if required) when absent, null or not a string. */
  String string(JsonObject o, String pointer, String name, boolean required) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        error(pointer + "/" + name, "api.field.required");
      }
      return null;
    }
    if (!(v instanceof JsonString s)) {
      error(pointer + "/" + name, "api.field.string");
      return null;
    }
    return s.getString();
  }

  /** An integer member; null when absent (or wrong, with an error). */
  Integer integer(JsonObject o, String pointer, String name) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      error(pointer + "/" + name, "api.field.integer");
      return null;
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      error(pointer + "/" + name, "api.field.integer");
      return null;
    }
  }

  /**
   * A date from {@code first} to {@code last}; ISO 8601 also reads years such as {@code 0000},
   * {@code -0001} and {@code +10000}, which no school uses and the database cannot keep as given.
   */
  LocalDate date(JsonObject o, String pointer, String name, LocalDate first, LocalDate last) {
    String text = string(o, pointer, name, true);
    if (text == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      error(pointer + "/" + name, "api.field.date");
      return null;
    }
    if (date.isBefore(first) || date.isAfter(last)) {
      error(pointer + "/" + name, "api.field.dateRange", first.toString(), last.toString());
      return null;
    }
    return date;
  }

  LocalTime time(JsonObject o, String pointer, String name) {
    String text = string(o, pointer, name, true);
    if (text == null) {
      return null;
    }
    try {
      return LocalTime.parse(text, TIME);
    } catch (DateTimeParseException e) {
      error(pointer + "/" + name, "api.field.time");
      return null;
    }
  }
}
