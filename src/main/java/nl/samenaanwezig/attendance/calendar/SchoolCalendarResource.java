package nl.samenaanwezig.attendance.calendar;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Pages;

/**
 * The administrator's school calendar ({@code /admin/calendar}): choose the region to fill in the
 * official school holidays, then add, change or remove single holidays and days off. Refused input
 * shows the page again with the problems and what was typed; nothing is stored then.
 */
@Path("/admin/calendar")
@Produces(MediaType.TEXT_HTML)
public class SchoolCalendarResource {
  private static final Set<String> NOTICES =
      Set.of("calendar.prefilled", "calendar.added", "calendar.changed", "calendar.removed");

  @Inject Sessions sessions;
  @Inject SchoolHolidays holidays;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  public String page(@QueryParam("notice") String notice, @QueryParam("n") String count) {
    Session session = administrator();
    String shown = notice != null && NOTICES.contains(notice) ? notice : null;
    return page(session).list(HolidayForm.empty(), List.of(), shown, number(count), null);
  }

  @POST
  @Path("region")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response prefill(@FormParam("region") String code) {
    Session session = administrator();
    CalendarPage page = page(session);
    Optional<Region> region = Region.parse(code);
    if (region.isEmpty()) {
      return bad(
          page.list(
              HolidayForm.empty(), page.texts(List.of("calendar.problem.region")), null, 0, code));
    }
    SchoolHolidays.Outcome done = holidays.prefill(institution(session), region.get());
    if (!done.ok()) {
      return bad(
          page.list(
              HolidayForm.empty(),
              page.clashes(done, "calendar.problem.prefillOverlap"),
              null,
              0,
              code));
    }
    return back("calendar.prefilled&n=" + done.stored());
  }

  @POST
  @Path("holidays")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(MultivaluedMap<String, String> posted) {
    Session session = administrator();
    CalendarPage page = page(session);
    HolidayForm form = HolidayForm.parse(posted);
    if (form.holiday().isEmpty()) {
      return bad(page.list(form, page.texts(form.problems()), null, 0, null));
    }
    SchoolHolidays.Outcome done = holidays.add(institution(session), form.holiday().get());
    if (!done.ok()) {
      return bad(page.list(form, page.clashes(done, "calendar.problem.overlap"), null, 0, null));
    }
    return back("calendar.added");
  }

  @GET
  @Path("holidays/{id: \\d+}")
  public String edit(@PathParam("id") long id) {
    Session session = administrator();
    SchoolHolidays.Row row = row(session, id);
    return page(session).edit(row, HolidayForm.of(row.holiday()), List.of());
  }

  @POST
  @Path("holidays/{id: \\d+}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response change(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
    Session session = administrator();
    SchoolHolidays.Row row = row(session, id);
    CalendarPage page = page(session);
    HolidayForm form = HolidayForm.parse(posted);
    if (form.holiday().isEmpty()) {
      return bad(page.edit(row, form, page.texts(form.problems())));
    }
    SchoolHolidays.Outcome done = holidays.change(institution(session), id, form.holiday().get());
    if (!done.ok()) {
      return bad(page.edit(row, form, page.clashes(done, "calendar.problem.overlap")));
    }
    return back("calendar.changed");
  }

  @POST
  @Path("holidays/{id: \\d+}/remove")
  public Response remove(@PathParam("id") long id) {
    Session session = administrator();
    if (!holidays.remove(institution(session), id)) {
      throw new NotFoundException();
    }
    return back("calendar.removed");
  }

  private SchoolHolidays.Row row(Session session, long id) {
    return holidays.find(institution(session), id).orElseThrow(NotFoundException::new);
  }

  private CalendarPage page(Session session) {
    return new CalendarPage(pages, holidays, session);
  }

  private Session administrator() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    return session;
  }

  private static long institution(Session session) {
    return session.platform().institution().id();
  }

  private static int number(String count) {
    try {
      return count == null ? 0 : Math.max(0, Integer.parseInt(count));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Response bad(String html) {
    return Response.status(400)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html)
        .build();
  }

  private static Response back(String notice) {
    return Response.seeOther(URI.create("/admin/calendar?notice=" + notice + "#holidays")).build();
  }
}
