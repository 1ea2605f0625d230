package nl.samenaanwezig.privacy.rights;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.buddies.BirthDate;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.StudentProfile;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.web.Pages;

/**
 * The administrator's privacy tasks for students of their own institution: find a student, export
 * everything about them (access request), erase them (confirmed), and import dates of birth.
 */
@Path("/admin/privacy")
@Produces(MediaType.TEXT_HTML)
public class PrivacyAdminResource {
  static final int MAX_IMPORT_LINES = 5_000;

  @Inject Sessions sessions;
  @Inject Students students;
  @Inject Exports exports;
  @Inject Erasure erasure;
  @Inject Retention retention;
  @Inject BuddyBook buddies;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** A student in the search results. */
  public record Found(long id, String name, String email, String lmsUserId, boolean erased) {}

  @GET
  public String page(@QueryParam("q") String q, @QueryParam("notice") String notice) {
    Session session = admin();
    return render(
        session,
        q == null ? "" : q,
        "privacy.erased".equals(notice) ? notice : null,
        List.of(),
        "",
        null);
  }

  @GET
  @Path("students/{personId}/export")
  public String exportPage(@PathParam("personId") long personId) {
    Session session = admin();
    Person student = student(session, personId);
    StudentExport export = exports.export(student.id(), Actor.admin(session.person().id()));
    Map<String, Object> vars = Frame.of(session, "/admin/privacy");
    vars.put("backUrl", "/admin/privacy");
    return ExportResponses.html(
        pages,
        export,
        session.locale(),
        vars,
        "/admin/privacy/students/" + personId + "/export/json");
  }

  @GET
  @Path("students/{personId}/export/json")
  public Response exportJson(@PathParam("personId") long personId) {
    Session session = admin();
    Person student = student(session, personId);
    return ExportResponses.json(exports.export(student.id(), Actor.admin(session.person().id())));
  }

  @GET
  @Path("students/{personId}/erase")
  public String confirmErase(@PathParam("personId") long personId) {
    Session session = admin();
    return renderErase(session, student(session, personId), false);
  }

  @POST
  @Path("students/{personId}/erase")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response erase(
      @PathParam("personId") long personId, @FormParam("confirm") String confirm) {
    Session session = admin();
    Person student = student(session, personId);
    if (!"yes".equals(confirm)) {
      return Response.status(400)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(renderErase(session, student, true))
          .build();
    }
    erasure.erase(student.id(), Actor.admin(session.person().id()), Erasure.Reason.REQUEST);
    return Response.seeOther(URI.create("/admin/privacy?notice=privacy.erased")).build();
  }

  /** Lines of "platform user id or e-mail; date of birth". */
  @POST
  @Path("birthdates")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response importBirthDates(@FormParam("lines") String text) {
    Session session = admin();
    Locale locale = session.locale();
    long institution = session.platform().institution().id();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    List<String> problems = new ArrayList<>();
    if (lines.length > MAX_IMPORT_LINES) {
      problems.add(Pages.text(locale, "privacy.import.tooMany", MAX_IMPORT_LINES));
    }
    record Row(long personId, LocalDate date) {}
    List<Row> rows = new ArrayList<>();
    LocalDate today = buddies.today();
    for (int i = 0; i < lines.length && problems.isEmpty(); i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("[;,\\t]");
      int number = i + 1;
      if (parts.length != 2) {
        problems.add(Pages.text(locale, "privacy.import.format", number));
        continue;
      }
      Optional<Person> student = students.byIdentifier(institution, parts[0].strip());
      Optional<LocalDate> date = BirthDate.parse(parts[1]);
      if (student.isEmpty()) {
        problems.add(Pages.text(locale, "privacy.import.unknown", number, parts[0].strip()));
      } else if (date.isEmpty() || !new BirthDate(date.get()).plausibleOn(today)) {
        problems.add(Pages.text(locale, "privacy.import.date", number));
      } else {
        rows.add(new Row(student.get().id(), date.get()));
      }
    }
    if (!problems.isEmpty() || rows.isEmpty()) {
      if (problems.isEmpty()) {
        problems.add(Pages.text(locale, "privacy.import.empty"));
      }
      return Response.status(400)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(render(session, "", null, problems, text == null ? "" : text, null))
          .build();
    }
    Actor actor = Actor.admin(session.person().id());
    for (Row row : rows) {
      buddies.enterBirthDate(row.personId(), row.date(), StudentProfile.Source.ADMIN, actor);
    }
    return Response.ok(
            render(
                session,
                "",
                null,
                List.of(),
                "",
                Pages.text(locale, "privacy.import.saved", rows.size())),
            MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }

  private Session admin() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    return session;
  }

  /** A student of the admin's institution, or the same 404 as an id that does not exist. */
  private Person student(Session session, long personId) {
    return students
        .of(session.platform().institution().id(), personId)
        .orElseThrow(NotFoundException::new);
  }

  private String render(
      Session session,
      String q,
      String notice,
      List<String> problems,
      String lines,
      String imported) {
    Map<String, Object> vars = Frame.of(session, "/admin/privacy");
    List<Found> found = new ArrayList<>();
    if (!q.isBlank()) {
      for (Person p : students.search(session.platform().institution().id(), q)) {
        found.add(
            new Found(p.id(), p.displayName(), p.email(), p.subject(), erasure.erased(p.id())));
      }
    }
    vars.put("q", q);
    vars.put("searched", !q.isBlank());
    vars.put("found", found);
    vars.put("notice", notice);
    vars.put("problems", problems);
    vars.put("lines", lines);
    vars.put("imported", imported);
    vars.put("months", retention.months());
    return pages.render("privacy-admin", session.locale(), vars);
  }

  private String renderErase(Session session, Person student, boolean unconfirmed) {
    Map<String, Object> vars = Frame.of(session, "/admin/privacy");
    vars.put("studentId", student.id());
    vars.put("studentName", student.displayName());
    vars.put("unconfirmed", unconfirmed);
    vars.put("erased", erasure.erased(student.id()));
    return pages.render("privacy-erase", session.locale(), vars);
  }
}
