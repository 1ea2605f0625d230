package nl.samenaanwezig.meetings;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.buddies.BuddyViews;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.web.Pages;

/** How meetings read on the pages of mentor, student and buddy: times, places, choices. */
final class Views {
  private Views() {}

  /** A time to choose. */
  record SlotOption(
      long id, String label, String place, boolean evening, int placesLeft, boolean guarded) {}

  /** One meeting in a list. */
  record MeetingLine(
      long id,
      String student,
      String kind,
      String status,
      String statusCode,
      String time,
      String place,
      String bookedBy) {}

  /** An agreement made in a talk. */
  public record AgreementLine(long id, String body, String owner, String due, boolean done) {}

  /** One day of the availability grid (its parts are the checkbox values). */
  record Day(String code, List<String> parts) {}

  static SlotOption option(Slot s, Locale l, java.time.Instant now) {
    return new SlotOption(
        s.id(), s.time().label(l), place(s, l), s.time().evening(), s.placesLeft(), s.guarded(now));
  }

  static MeetingLine line(Meeting m, Locale l) {
    return new MeetingLine(
        m.id(),
        m.student().displayName(),
        Pages.text(l, m.kind().key()),
        Pages.text(l, "meeting.status." + m.status().name()),
        m.status().name(),
        m.slot().map(s -> s.time().label(l)).orElse(null),
        m.slot().map(s -> place(s, l)).orElse(null),
        m.bookedBy().map(w -> Pages.text(l, "meeting.who." + w.name())).orElse(null));
  }

  /** Where, in words: "Op school, lokaal B1.12" or "Videobellen, https://...". */
  static String place(Slot slot, Locale l) {
    String kind = Pages.text(l, slot.locationKind().key());
    return slot.locationDetails() == null ? kind : kind + ", " + slot.locationDetails();
  }

  /** One line of the mail log. */
  static Map<String, String> mailRow(SentMail s, Locale l) {
    return Map.of(
        "when", moment(s.sentAt(), l),
        "to",
            s.recipientName()
                + " ("
                + Pages.text(l, "meeting.who." + s.recipientRole().name())
                + ")",
        "address", s.address(),
        "kind", Pages.text(l, "mail.kind." + s.kind().name()),
        "subject", s.subject(),
        "status", Pages.text(l, "mail.status." + s.status().name()));
  }

  /** "Mina de Wit: donderdag: avond. Ik werk tot acht uur." */
  static String answerText(Answer a, Locale l) {
    String who =
        a.buddy().map(b -> b.details().name()).orElse(Pages.text(l, "meeting.who.STUDENT"));
    String when =
        a.availability().isEmpty()
            ? Pages.text(l, "answer.noTimes")
            : availability(a.availability(), l);
    return Pages.text(l, "answer.line", who, when, a.note().orElse(""));
  }

  static AgreementLine agreementLine(Agreement a, Locale l) {
    return new AgreementLine(
        a.id(),
        a.body(),
        Pages.text(l, "meeting.who." + a.owner().name()),
        a.dueOn().map(d -> date(d, l)).orElse(null),
        a.isDone());
  }

  static List<String> agenda(MeetingKind kind, Locale l) {
    return kind.agenda().stream().map(k -> Pages.text(l, k)).toList();
  }

  /** The school days with their parts, for "when can you then?". */
  static List<Day> grid() {
    List<Day> days = new ArrayList<>();
    for (var day : Availability.DAYS) {
      days.add(
          new Day(
              day.name(), List.of(Availability.Part.values()).stream().map(Enum::name).toList()));
    }
    return days;
  }

  /** "dinsdag: avond; donderdag: ochtend" */
  static String availability(Availability a, Locale l) {
    return String.join("; ", BuddyViews.times(a, l));
  }

  static String date(java.time.LocalDate day, Locale l) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l).format(day);
  }

  static String moment(java.time.Instant at, Locale l) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(l)
        .withZone(SlotTime.AMSTERDAM)
        .format(at);
  }

  static String text(MultivaluedMap<String, String> form, String name) {
    String v = form == null ? null : form.getFirst(name);
    return v == null ? "" : v.strip();
  }

  static java.util.Optional<Long> id(String value) {
    try {
      return java.util.Optional.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }

  /** A posted ISO date (yyyy-mm-dd), or empty. */
  static Optional<LocalDate> day(String value) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException | NullPointerException e) {
      return Optional.empty();
    }
  }

  static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String value) {
    try {
      return Optional.of(Enum.valueOf(type, value));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** The course where this session is a mentor; otherwise the same 404 as for no such course. */
  static Course mentorCourse(Memberships memberships, Session session, long courseId) {
    return memberships
        .courseWhere(session.person(), courseId, Role.MENTOR)
        .orElseThrow(NotFoundException::new);
  }

  /** A count from a query string ("?n=3"); anything else is 0, never an error. */
  static int count(String value) {
    return value != null && value.matches("\\d{1,6}") ? Integer.parseInt(value) : 0;
  }

  static Response html(int status, String html) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html)
        .build();
  }
}
