package nl.samenaanwezig.attendance;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/**
 * The mentor's registration screen: a lesson with the class roster, everyone present by default,
 * one choice per student. Saving twice never duplicates (the lesson has a form-made id, marks are
 * one per student).
 */
@Path("/class/{courseId}/lessons")
@Produces(MediaType.TEXT_HTML)
public class LessonResource {
  static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject LessonRegister register;
  @Inject Pages pages;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  /** A student row on the screen. */
  public record Row(long personId, String name, String category, int lateMinutes) {}

  @GET
  @Path("new")
  public String newLesson(@PathParam("courseId") long courseId) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    LocalTime now = LocalTime.now(clock.withZone(SCHOOL_ZONE)).withSecond(0).withNano(0);
    LocalTime start = now.withMinute(0);
    return renderNew(
        session,
        course,
        Map.of(
            "date", LocalDate.now(clock.withZone(SCHOOL_ZONE)).toString(),
            "start", start.toString(),
            "end", start.plusMinutes(50).toString(),
            "group", "",
            "formId", UUID.randomUUID().toString()),
        List.of());
  }

  @POST
  @Path("new")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @PathParam("courseId") long courseId, MultivaluedMap<String, String> form) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Map<String, String> values = new HashMap<>();
    for (String f : List.of("date", "start", "end", "group", "formId")) {
      values.put(f, Optional.ofNullable(form.getFirst(f)).orElse("").strip());
    }
    List<String> problems = new ArrayList<>();
    LocalDate date = null;
    LocalTime start = null;
    LocalTime end = null;
    try {
      date = LocalDate.parse(values.get("date"));
    } catch (DateTimeParseException e) {
      problems.add("lesson.problem.date");
    }
    try {
      start = LocalTime.parse(values.get("start"));
      end = LocalTime.parse(values.get("end"));
      if (!end.isAfter(start)) {
        problems.add("lesson.problem.order");
      }
    } catch (DateTimeParseException e) {
      problems.add("lesson.problem.time");
    }
    if (values.get("formId").isEmpty() || values.get("formId").length() > 64) {
      problems.add("lesson.problem.form");
    }
    if (values.get("group").length() > 100) {
      problems.add("lesson.problem.group");
    }
    if (!problems.isEmpty()) {
      return Response.status(400)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(renderNew(session, course, values, problems))
          .build();
    }
    Lesson lesson =
        register.lesson(
            course.id(),
            new LessonRegister.LessonSpec(
                date,
                start,
                end,
                null,
                values.get("group"),
                Lesson.Source.MANUAL,
                values.get("formId")));
    return Response.seeOther(URI.create("/class/" + courseId + "/lessons/" + lesson.id())).build();
  }

  @GET
  @Path("{lessonId}")
  public String screen(
      @PathParam("courseId") long courseId,
      @PathParam("lessonId") long lessonId,
      @QueryParam("saved") String saved) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Lesson lesson = lessonOf(course, lessonId);
    Map<Long, Mark.Entry> marks = register.marks(lessonId);
    List<Row> rows = new ArrayList<>();
    for (Member m : memberships.members(course, Role.STUDENT)) {
      Person p = m.person();
      Mark.Entry e = marks.getOrDefault(p.id(), Mark.Entry.present());
      rows.add(new Row(p.id(), p.displayName(), e.category().name(), e.lateMinutes()));
    }
    return renderScreen(session, course, lesson, rows, saved != null, List.of());
  }

  @POST
  @Path("{lessonId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(
      @PathParam("courseId") long courseId,
      @PathParam("lessonId") long lessonId,
      MultivaluedMap<String, String> form) {
    Session session = sessions.require(request);
    Course course = mentorCourse(session, courseId);
    Lesson lesson = lessonOf(course, lessonId);
    Map<Long, Mark.Entry> entries = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Member m : memberships.members(course, Role.STUDENT)) {
      Person p = m.person();
      String code = Optional.ofNullable(form.getFirst("mark-" + p.id())).orElse("PRESENT");
      String lateText = Optional.ofNullable(form.getFirst("late-" + p.id())).orElse("").strip();
      Optional<MarkCategory> category = MarkCategory.parse(code);
      int late = 0;
      if (category.isEmpty()) {
        problems.add(Pages.text(session.locale(), "lesson.problem.category", p.displayName()));
        rows.add(new Row(p.id(), p.displayName(), "PRESENT", 0));
        continue;
      }
      if (category.get() == MarkCategory.LATE) {
        try {
          late = Integer.parseInt(lateText);
        } catch (NumberFormatException e) {
          late = -1;
        }
        if (late < 1 || late > lesson.scheduledMinutes()) {
          problems.add(
              Pages.text(
                  session.locale(),
                  "lesson.problem.late",
                  p.displayName(),
                  lesson.scheduledMinutes()));
          rows.add(new Row(p.id(), p.displayName(), code, 0));
          continue;
        }
      }
      entries.put(p.id(), new Mark.Entry(category.get(), late));
      rows.add(new Row(p.id(), p.displayName(), category.get().name(), late));
    }
    if (!problems.isEmpty()) {
      return Response.status(400)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(renderScreen(session, course, lesson, rows, false, problems))
          .build();
    }
    register.save(lessonId, entries, session.person().id(), Lesson.Source.MANUAL);
    return Response.seeOther(URI.create("/class/" + courseId + "/lessons/" + lessonId + "?saved=1"))
        .build();
  }

  private Course mentorCourse(Session session, long courseId) {
    return memberships
        .courseWhere(session.person(), courseId, Role.MENTOR)
        .orElseThrow(NotFoundException::new);
  }

  private Lesson lessonOf(Course course, long lessonId) {
    return register
        .find(lessonId)
        .filter(l -> l.course().id().equals(course.id()))
        .orElseThrow(NotFoundException::new);
  }

  private String renderNew(
      Session session, Course course, Map<String, String> values, List<String> problems) {
    Map<String, Object> vars = Frame.of(session, "/class/" + course.id() + "/lessons/new");
    vars.put("courseId", course.id());
    vars.put("courseTitle", course.displayTitle());
    vars.put("values", values);
    vars.put("problems", problems);
    return pages.render("lesson-new", session.locale(), vars);
  }

  private String renderScreen(
      Session session,
      Course course,
      Lesson lesson,
      List<Row> rows,
      boolean saved,
      List<String> problems) {
    Map<String, Object> vars =
        Frame.of(session, "/class/" + course.id() + "/lessons/" + lesson.id());
    vars.put("courseId", course.id());
    vars.put("courseTitle", course.displayTitle());
    vars.put("lesson", lesson);
    vars.put("rows", rows);
    vars.put("categories", MarkCategory.values());
    vars.put("saved", saved);
    vars.put("problems", problems);
    return pages.render("lesson", session.locale(), vars);
  }
}
