package nl.samenaanwezig.protocol;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.web.Csv;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;

/**
 * The administrator's list of every student of the institution who needs a protocol step today,
 * across its courses. Read-only: the step itself is acknowledged by the course's mentor.
 */
@Path("/admin/signals")
@Produces(MediaType.TEXT_HTML)
public class InstitutionSignalsResource {
  @Inject Sessions sessions;
  @Inject Signals signals;
  @Inject SignalSnapshots snapshots;
  @Inject ProtocolSettings settings;
  @Inject Database db;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  @GET
  public Response page(
      @QueryParam("rule") String rule,
      @QueryParam("course") String course,
      @QueryParam("page") String page) {
    Session session = administrator();
    Day day;
    try {
      day = day(session, SignalFilter.parse(rule, course, page));
    } catch (SignalFilter.Invalid e) {
      return ErrorPages.page(pages, 400, "signals.filter.bad", session.locale());
    }
    SignalFilter.Result result =
        day.filter().apply(day.all(), day.courses()::get, session.locale());
    Map<Long, String> names = studentNames(result.shown());
    SignalList list =
        SignalList.of(
            result.shown(),
            settings.of(day.institutionId()),
            names::get,
            day.courses()::get,
            session.locale(),
            day.today());
    Map<String, Object> vars = Frame.of(session, "/admin/signals");
    vars.put("institution", session.platform().institution().name());
    vars.put("list", list);
    vars.put("filter", result.view());
    vars.put("institutionWide", true);
    vars.put("subjectCourse", false);
    vars.put(
        "computedAt",
        DateTimeFormatter.ofPattern("HH:mm")
            .format(day.computedAt().atZone(Signals.SCHOOL_ZONE).toLocalTime()));
    return Response.ok(pages.render("signals", session.locale(), vars))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }

  /** Every signal the filter chooses (open ones first, in working order), for a spreadsheet. */
  @GET
  @Path("csv")
  public Response csv(@QueryParam("rule") String rule, @QueryParam("course") String course) {
    Session session = administrator();
    Day day;
    try {
      day = day(session, SignalFilter.parse(rule, course, null));
    } catch (SignalFilter.Invalid e) {
      return ErrorPages.page(pages, 400, "signals.filter.bad", session.locale());
    }
    Locale locale = session.locale();
    List<Signal> chosen =
        day.all().stream()
            .filter(day.filter()::matches)
            .sorted(
                Comparator.comparing((Signal s) -> !s.open()).thenComparing(SignalList.WORK_ORDER))
            .toList();
    Map<Long, String> names = studentNames(chosen);
    Protocol protocol = settings.of(day.institutionId());
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        Pages.texts(
            locale,
            "signals.csv.student",
            "signals.course",
            "signals.filter.rule",
            "signals.csv.step",
            "signals.csv.status",
            "signals.csv.since",
            "signals.csv.due",
            "signals.csv.fact",
            "signals.handled"));
    for (Signal s : chosen) {
      SignalView v =
          SignalView.of(
              s,
              protocol.setting(s.rule()),
              names.get(s.personId()),
              day.courses().get(s.courseId()),
              locale,
              day.today());
      Finding f = s.finding();
      rows.add(
          List.of(
              v.studentName(),
              v.courseTitle(),
              Pages.text(locale, "protocol." + s.rule().name().toLowerCase(Locale.ROOT) + ".name"),
              v.step().title(),
              Pages.text(locale, s.open() ? "signals.csv.open" : "signals.csv.handled"),
              f == null || f.since() == null ? "" : f.since().toString(),
              f == null || f.due() == null || !s.open() ? "" : f.due().toString(),
              v.fact() == null ? "" : v.fact(),
              v.handled() == null ? "" : v.handled()));
    }
    return Csv.download(
        rows, locale, Pages.text(locale, "signals.csv.file", day.today().toString()));
  }

  /** "Nu bijwerken": evaluates the whole institution now, then shows the list again. */
  @POST
  @Path("refresh")
  public Response refresh() {
    Session session = administrator();
    snapshots.refresh(session.platform().institution().id());
    return Response.seeOther(URI.create("/admin/signals")).build();
  }

  private Session administrator() {
    Session session = sessions.require(request);
    if (!session.has(Role.ADMIN)) {
      throw new NotFoundException();
    }
    return session;
  }

  /** Today's signals of the institution, and the title of every class they (or the filter) name. */
  private record Day(
      long institutionId,
      LocalDate today,
      SignalFilter filter,
      List<Signal> all,
      Map<Long, String> courses,
      Instant computedAt) {}

  private Day day(Session session, SignalFilter filter) {
    long institutionId = session.platform().institution().id();
    // A chosen class must be one of this institution's; checked before the protocol is evaluated.
    if (filter.courseId() != null
        && db.read(
            em ->
                Optional.ofNullable(em.find(Course.class, filter.courseId()))
                    .filter(c -> c.platform().institution().id() == institutionId)
                    .isEmpty())) {
      throw new SignalFilter.Invalid();
    }
    LocalDate today = signals.today();
    SignalSnapshots.Snapshot snapshot = snapshots.of(institutionId);
    List<Signal> all = snapshot.signals();
    // A class of this institution without signals today still shows (empty).
    Set<Long> courseIds = new HashSet<>();
    all.forEach(s -> courseIds.add(s.courseId()));
    if (filter.courseId() != null) {
      courseIds.add(filter.courseId());
    }
    return new Day(
        institutionId,
        today,
        filter,
        all,
        names(courseIds, Course.class, Course::displayTitle),
        snapshot.computedAt());
  }

  /** The names of these rows of an entity, by id, read in one transaction. */
  private <T> Map<Long, String> names(
      Collection<Long> ids, Class<T> type, Function<T, String> name) {
    Map<Long, String> names = new HashMap<>();
    db.read(
        em -> {
          ids.forEach(id -> names.put(id, name.apply(em.find(type, id))));
          return null;
        });
    return names;
  }

  private Map<Long, String> studentNames(List<Signal> signals) {
    return names(
        signals.stream().map(Signal::personId).collect(Collectors.toSet()),
        Person.class,
        Person::displayName);
  }
}
