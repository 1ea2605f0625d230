package nl.samenaanwezig.home;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.attendance.ClassFigures;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Csv;
import nl.samenaanwezig.web.Pages;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The class overview as a file for the mentor: CSV (Excel-friendly, ';') and XLSX. */
@Path("/class/{courseId}")
public class ClassExportResource {
  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject ClassFigures classFigures;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  @GET
  @Path("overview.csv")
  public Response csv(@PathParam("courseId") long courseId) {
    Session session = sessions.require(request);
    List<List<String>> table = table(session, courseId);
    return Csv.download(table, session.locale(), "aanwezigheid-klas.csv");
  }

  @GET
  @Path("overview.xlsx")
  public Response xlsx(@PathParam("courseId") long courseId) {
    Session session = sessions.require(request);
    List<List<String>> table = table(session, courseId);
    StreamingOutput body =
        (OutputStream out) -> {
          Workbook workbook = new Workbook(out, "Samen Aanwezig", "1.0");
          Worksheet sheet = workbook.newWorksheet(Pages.text(session.locale(), "export.sheet"));
          for (int r = 0; r < table.size(); r++) {
            List<String> row = table.get(r);
            for (int c = 0; c < row.size(); c++) {
              String value = row.get(c);
              if (r > 0 && c >= 2 && value.matches("-?\\d+(\\.\\d+)?")) {
                sheet.value(r, c, Double.parseDouble(value));
              } else {
                sheet.value(r, c, value);
              }
            }
          }
          try {
            workbook.finish();
          } catch (IOException e) {
            throw new IOException("cannot write the overview", e);
          }
        };
    return Response.ok(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", "attachment; filename=\"aanwezigheid-klas.xlsx\"")
        .build();
  }

  /** Header and one row per student, presence first; numbers as plain decimals. */
  private List<List<String>> table(Session session, long courseId) {
    Course course =
        memberships
            .courseWhere(session.person(), courseId, Role.MENTOR)
            .orElseThrow(NotFoundException::new);
    Locale locale = session.locale();
    Map<Long, ClassFigures.StudentFigures> figures =
        classFigures.forCourse(course, LocalDate.now(clock.withZone(ClassResource.SCHOOL_ZONE)));
    List<List<String>> table = new ArrayList<>();
    table.add(
        Pages.texts(
            locale,
            "class.col.name",
            "class.col.email",
            "export.col.fourWeeks",
            "export.col.week",
            "export.col.year",
            "export.col.unexcused",
            "class.col.late"));
    for (Member m : memberships.members(course, Role.STUDENT)) {
      ClassFigures.StudentFigures f =
          figures.getOrDefault(m.person().id(), ClassFigures.StudentFigures.empty(m.person().id()));
      table.add(
          List.of(
              m.person().displayName(),
              m.person().email() == null ? "" : m.person().email(),
              f.fourWeeks().number(),
              f.week().number(),
              f.year().number(),
              String.format(Locale.ROOT, "%.1f", f.unexcusedMinutesFourWeeks() / 60.0),
              Long.toString(f.lateCountYear())));
    }
    return table;
  }
}
