package nl.samenaanwezig.protocol;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Map;
import nl.samenaanwezig.attendance.SchoolCalendar;
import nl.samenaanwezig.attendance.StudentAttendance;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/**
 * "DUO-melding voorbereiden": the evidence for a DUO report as a printable page and as CSV for
 * Excel. Nothing is sent anywhere; the school's administration system makes the report.
 */
@Path("/class/{courseId}/students/{personId}/duo")
public class DuoResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject Signals signals;
  @Inject Acknowledgements acknowledgements;
  @Inject ProtocolSettings settings;
  @Inject StudentAttendance attendance;
  @Inject Database db;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page(@PathParam("courseId") long courseId, @PathParam("personId") long personId) {
    StudentAccess access =
        StudentAccess.check(request, sessions, memberships, db, courseId, personId).asMentor();
    DuoEvidence evidence = evidence(access);
    Map<String, Object> vars = Frame.of(access.session(), access.path() + "/duo");
    vars.put("courseId", access.course().id());
    vars.put("courseTitle", access.course().displayTitle());
    vars.put("studentId", access.student().id());
    vars.put("studentName", access.student().displayName());
    vars.put("evidence", evidence);
    vars.put("totalHours", DuoEvidence.hours(evidence.totalMinutes(), access.session().locale()));
    return pages.render("duo", access.session().locale(), vars);
  }

  /** The same evidence as a file: UTF-8 with BOM, semicolons, one lesson per line. */
  @GET
  @Path("csv")
  @Produces("text/csv; charset=UTF-8")
  public Response csv(@PathParam("courseId") long courseId, @PathParam("personId") long personId) {
    StudentAccess access =
        StudentAccess.check(request, sessions, memberships, db, courseId, personId).asMentor();
    DuoEvidence evidence = evidence(access);
    String file = "duo-verzuim-" + personId + "-" + evidence.to() + ".csv";
    return Response.ok(evidence.csv(access.session().locale()))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  private DuoEvidence evidence(StudentAccess access) {
    LocalDate today = signals.today();
    long institutionId = access.course().platform().institution().id();
    long personId = access.student().id();
    Finding open =
        signals.forStudent(access.course(), personId, today).stream()
            .filter(s -> s.open() && s.rule() == Rule.DUO)
            .map(Signal::finding)
            .findFirst()
            .orElse(null);
    LocalDate lastReport =
        acknowledgements.history(personId).stream()
            .filter(a -> a.rule() == Rule.DUO)
            .map(Acknowledgement::reportedOn)
            .findFirst()
            .orElse(null);
    return DuoEvidence.of(
        attendance.marks(access.scope(), personId, SchoolCalendar.schoolYearStart(today), today),
        attendance.policy(institutionId),
        attendance.calendar(institutionId),
        settings.of(institutionId).setting(Rule.DUO),
        open,
        lastReport,
        today);
  }
}
