package nl.samenaanwezig.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;

/**
 * The body of {@code PUT .../lessons/{externalId}/marks}: {@code [{"student": "<sub>", "category":
 * "LATE", "lateMinutes": 10}, ...]}. Students not listed keep their mark.
 */
final class MarkInput {
  static final int MAX_MARKS = 5_000;

  private MarkInput() {}

  /**
   * The marks by person id; throws a 422 problem listing every wrong member (unknown student,
   * category, minutes, a student twice) so that nothing is stored.
   */
  static Map<Long, Mark.Entry> from(
      JsonValue body, int scheduledMinutes, Map<String, Long> students, Locale locale) {
    JsonFields f = new JsonFields(locale);
    if (!(body instanceof JsonArray array)) {
      f.error("", "api.field.array");
      throw LessonApi.invalid(locale, f.errors());
    }
    if (array.size() > MAX_MARKS) {
      f.error("", "api.field.tooMany", MAX_MARKS);
      throw LessonApi.invalid(locale, f.errors());
    }
    String categories =
        Arrays.stream(MarkCategory.values()).map(Enum::name).collect(Collectors.joining(", "));
    Map<Long, Mark.Entry> entries = new LinkedHashMap<>();
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "/" + i;
      if (!(array.get(i) instanceof JsonObject o)) {
        f.error(at, "api.field.object");
        continue;
      }
      String student = f.string(o, at, "student", true);
      String code = f.string(o, at, "category", true);
      Integer late = f.integer(o, at, "lateMinutes");
      Long personId = null;
      if (student != null) {
        personId = students.get(student);
        String earlier = seen.putIfAbsent(student, at);
        if (personId == null) {
          f.error(at + "/student", "api.field.student");
        } else if (earlier != null) {
          f.error(at + "/student", "api.field.duplicate", earlier);
        }
      }
      MarkCategory category = null;
      if (code != null) {
        category = MarkCategory.parse(code).orElse(null);
        if (category == null) {
          f.error(at + "/category", "api.field.category", categories);
        }
      }
      int minutes = late == null ? 0 : late;
      if (category == MarkCategory.LATE && (minutes < 1 || minutes > scheduledMinutes)) {
        f.error(at + "/lateMinutes", "api.field.late", scheduledMinutes);
      } else if (category != null && category != MarkCategory.LATE && minutes != 0) {
        f.error(at + "/lateMinutes", "api.field.lateNotLate");
      }
      if (f.ok()) {
        entries.put(personId, new Mark.Entry(category, minutes));
      }
    }
    if (!f.ok()) {
      throw LessonApi.invalid(locale, f.errors());
    }
    return entries;
  }
}
