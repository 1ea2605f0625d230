package nl.samenaanwezig.protocol;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.attendance.LessonScope;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.attendance.StudentAttendance;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/**
 * A student seen by a mentor of the course: the lessons week by week in pages of {@value
 * Timeline#BLOCK_WEEKS} weeks (newest first, {@code ?until=} a day of the newest week shown), the
 * signals with their steps, acknowledging a step, and the student's legal duty. In a mentor group
 * the lessons are those of every course of the student (the protocol counts per student); a subject
 * course's teacher sees only the course's own lessons and no signals. The DUO evidence is {@link
 * DuoResource}.
 */
@Path("/class/{courseId}/students/{personId}")
@Produces(MediaType.TEXT_HTML)
public class StudentResource {
  private static final Set<String> NOTICES = Set.of("signal.acknowledged", "protocol.duty.saved");

  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject Signals signals;
  @Inject Acknowledgements acknowledgements;
  @Inject SignalSnapshots snapshots;
  @Inject ProtocolSettings settings;
  @Inject Duties duties;
  @Inject StudentAttendance attendance;
  @Inject Database db;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** An earlier acknowledgement, for the history list. */
  public record Handled(String when, String step, String by, String reportedOn, String note) {}

  @GET
  public Response page(
      @PathParam("courseId") long courseId,
      @PathParam("personId") long personId,
      @QueryParam("notice") String notice,
      @QueryParam("until") String until) {
    StudentAccess access =
        StudentAccess.check(request, sessions, memberships, db, courseId, personId);
    LocalDate last = null;
    if (until != null && !until.isBlank()) {
      try {
        last = LocalDate.parse(until.strip());
      } catch (DateTimeParseException e) {
        return refuse(
            access,
            400,
            List.of(Pages.text(access.session().locale(), "student.timeline.badUntil")),
            Map.of());
      }
    }
    return Response.ok(
            render(
                access,
                notice != null && NOTICES.contains(notice) ? notice : null,
                List.of(),
                Map.of(),
                last))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }

  @POST
  @Path("ack")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response acknowledge(
      @PathParam("courseId") long courseId,
      @PathParam("personId") long personId,
      @FormParam("rule") String ruleName,
      @FormParam("level") String levelText,
      @FormParam("note") String note,
      @FormParam("reportedOn") String reportedOnText) {
    StudentAccess access =
        StudentAccess.check(request, sessions, memberships, db, courseId, personId).asMentor();
    Locale locale = access.session().locale();
    Map<String, String> values = new HashMap<>();
    values.put("note", note == null ? "" : note);
    values.put("reportedOn", reportedOnText == null ? "" : reportedOnText.strip());
    values.put("rule", ruleName == null ? "" : ruleName);
    Optional<Rule> rule = Rule.parse(ruleName);
    int level;
    try {
      level = Integer.parseInt(levelText == null ? "" : levelText.strip());
    } catch (NumberFormatException e) {
      level = 0;
    }
    if (rule.isEmpty() || level < 1) {
      return refuse(access, 400, List.of(Pages.text(locale, "signal.problem.form")), values);
    }
    LocalDate today = signals.today();
    int wanted = level;
    Optional<Signal> open =
        signals.forStudent(access.course(), personId, today).stream()
            .filter(s -> s.open() && s.rule() == rule.get() && s.step().level() == wanted)
            .findFirst();
    if (open.isEmpty()) {
      return refuse(access, 409, List.of(Pages.text(locale, "signal.problem.stale")), values);
    }
    List<String> problems = new ArrayList<>();
    if (note != null && note.strip().length() > Acknowledgement.NOTE_MAX) {
      problems.add(Pages.text(locale, "signal.problem.note", Acknowledgement.NOTE_MAX));
    }
    LocalDate reportedOn = null;
    if (rule.get() == Rule.DUO) {
      try {
        reportedOn = LocalDate.parse(values.get("reportedOn"));
        LocalDate since = open.get().finding().since();
        if (reportedOn.isAfter(today)) {
          problems.add(Pages.text(locale, "signal.problem.reportedFuture"));
        } else if (reportedOn.isBefore(since)) {
          problems.add(
              Pages.text(
                  locale,
                  "signal.problem.reportedBefore",
                  DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                      .withLocale(locale)
                      .format(since)));
        }
      } catch (DateTimeParseException e) {
        problems.add(Pages.text(locale, "signal.problem.reportedOn"));
      }
    }
    if (!problems.isEmpty()) {
      return refuse(access, 400, problems, values);
    }
    acknowledgements.acknowledge(
        access.course(),
        personId,
        rule.get(),
        level,
        access.session().person().id(),
        note,
        reportedOn);
    snapshots.refreshStudent(access.course(), personId);
    return Response.seeOther(URI.create(access.path() + "?notice=signal.acknowledged#signals"))
        .build();
  }

  @POST
  @Path("duty")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response duty(
      @PathParam("courseId") long courseId,
      @PathParam("personId") long personId,
      @FormParam("duty") String dutyName) {
    StudentAccess access =
        StudentAccess.check(request, sessions, memberships, db, courseId, personId).asMentor();
    Optional<Duty> duty = Duty.parse(dutyName);
    if (duty.isEmpty()) {
      return refuse(
          access,
          400,
          List.of(Pages.text(access.session().locale(), "protocol.duty.problem")),
          Map.of());
    }
    duties.set(personId, duty.get(), access.session().person().id());
    return Response.seeOther(URI.create(access.path() + "?notice=protocol.duty.saved#duty"))
        .build();
  }

  private Response refuse(
      StudentAccess access, int status, List<String> problems, Map<String, String> values) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(render(access, null, problems, values, null))
        .build();
  }

  private String render(
      StudentAccess access,
      String notice,
      List<String> problems,
      Map<String, String> values,
      LocalDate until) {
    Session session = access.session();
    Locale locale = session.locale();
    LocalDate today = signals.today();
    Course course = access.course();
    Person student = access.student();
    Protocol protocol = settings.of(course.platform().institution().id());
    LessonScope scope = access.scope();
    List<SignalView> open = new ArrayList<>();
    List<SignalView> handled = new ArrayList<>();
    for (Signal s : signals.forStudent(course, student.id(), today)) {
      SignalView v =
          SignalView.of(
              s,
              protocol.setting(s.rule()),
              student.displayName(),
              course.displayTitle(),
              locale,
              today);
      (v.open() ? open : handled).add(v);
    }
    DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    List<Handled> history = new ArrayList<>();
    for (Acknowledgement a :
        scope.everyCourse() ? acknowledgements.history(student.id()) : List.<Acknowledgement>of()) {
      history.add(
          new Handled(
              date.format(a.acknowledgedAt().atZone(Signals.SCHOOL_ZONE).toLocalDate()),
              StepText.of(ProtocolStep.of(a.rule(), a.level()), protocol.setting(a.rule()), locale)
                  .title(),
              a.acknowledgedBy().displayName(),
              a.reportedOn() == null ? null : date.format(a.reportedOn()),
              a.note()));
    }
    Map<String, Object> vars = Frame.of(session, access.path());
    vars.put("courseId", course.id());
    vars.put("courseTitle", course.displayTitle());
    vars.put("studentId", student.id());
    vars.put("studentName", student.displayName());
    vars.put("studentEmail", student.email());
    vars.put("open", open);
    vars.put("handled", handled);
    vars.put("history", history);
    vars.put("duty", duties.of(student.id()));
    vars.put("duties", Duty.values());
    vars.put("everyCourse", scope.everyCourse());
    Timeline.Range weeks =
        Timeline.Range.ending(
            until, today, day -> attendance.lastMarkBefore(scope, student.id(), day));
    vars.put("weeks", weeks);
    vars.put(
        "timeline", Timeline.of(attendance.marks(scope, student.id(), weeks.from(), weeks.to())));
    vars.put(
        "year", attendance.rate(scope, student.id(), SchoolCalendar.schoolYearStart(today), today));
    vars.put("today", today.toString());
    vars.put("notice", notice);
    vars.put("problems", problems);
    vars.put("values", values);
    return pages.render("student", locale, vars);
  }
}
