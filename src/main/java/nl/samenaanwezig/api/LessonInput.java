package nl.samenaanwezig.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/**
 * The body of {@code PUT .../lessons/{externalId}}: {@code {"date": "2026-11-16", "start": "09:00",
 * "end": "09:50", "scheduledMinutes": 45, "group": "2B"}}; the last two are optional.
 */
record LessonInput(
    LocalDate date, LocalTime start, LocalTime end, Integer scheduledMinutes, String group) {

  static final int MAX_GROUP = 100;

  /** The dates a lesson may have: any school year in sight, none the database would change. */
  static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

  static final LocalDate LAST_DATE = LocalDate.of(2200, 12, 31);

  /** Validates every member; throws a 422 problem listing each wrong one. */
  static LessonInput from(JsonValue body, Locale locale) {
    JsonFields f = new JsonFields(locale);
    if (!(body instanceof JsonObject o)) {
      f.error("", "api.field.object");
      throw LessonApi.invalid(locale, f.errors());
    }
    LocalDate date = f.date(o, "", "date", FIRST_DATE, LAST_DATE);
    LocalTime start = f.time(o, "", "start");
    LocalTime end = f.time(o, "", "end");
    Integer scheduled = f.integer(o, "", "scheduledMinutes");
    String group = f.string(o, "", "group", false);
    if (start != null && end != null && !end.isAfter(start)) {
      f.error("/end", "api.field.order");
    } else if (start != null && end != null && scheduled != null) {
      int length = (int) Duration.between(start, end).toMinutes();
      if (scheduled < 1 || scheduled > length) {
        f.error("/scheduledMinutes", "api.field.scheduled", length);
      }
    }
    if (group != null && group.strip().length() > MAX_GROUP) {
      f.error("/group", "api.field.group", MAX_GROUP);
    }
    if (!f.ok()) {
      throw LessonApi.invalid(locale, f.errors());
    }
    return new LessonInput(date, start, end, scheduled, group);
  }
}
