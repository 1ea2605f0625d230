package nl.samenaanwezig.home;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.attendance.ClassFigures;
import nl.samenaanwezig.attendance.MentorGroups;
import nl.samenaanwezig.attendance.PresenceRate;
import nl.samenaanwezig.attendance.Sparkline;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.contacts.GoodNews;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.lti.nrps.RosterSync;
import nl.samenaanwezig.meetings.MeetingBook;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.protocol.Signals;
import nl.samenaanwezig.web.Pages;

/** The mentor's class page (the course tab): the course and its students. */
@Path("/class/{courseId}")
public class ClassResource {
  static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  @Inject Sessions sessions;
  @Inject Memberships memberships;
  @Inject Pages pages;
  @Inject ClassFigures classFigures;
  @Inject MentorGroups mentorGroups;
  @Inject Clock clock;
  @Inject Signals signals;
  @Inject BuddyBook buddyBook;
  @Inject MeetingBook meetingBook;
  @Inject GoodNews goodNews;
  @Context HttpServletRequest request;

  /**
   * One student row: who, how present, and which protocol steps are due. The texts are ready to
   * show (the template evaluates a row's expressions for every student on every view).
   *
   * @param url the student's page in this class
   * @param lastLaunch when the student last opened the tool, or that they have not yet
   * @param buddy the buddy column's label, or that there is none
   * @param meeting the next conversation, or that there is none
   */
  public record StudentRow(
      long personId,
      String name,
      String email,
      String url,
      String lastLaunch,
      PresenceRate week,
      PresenceRate fourWeeks,
      PresenceRate year,
      long unexcusedMinutes,
      long lateCount,
      Sparkline trend,
      List<Signals.Badge> signals,
      String buddy,
      String meeting) {

    /** Whether a protocol step is still to be taken: the row then offers to plan a talk. */
    public boolean hasOpenSignal() {
      return signals.stream().anyMatch(Signals.Badge::open);
    }

    /** The address before the @, so the page can break the line there; null without one. */
    public String emailName() {
      return emailDomain() == null ? null : email.substring(0, email.indexOf('@'));
    }

    /** The @ and what follows; null when the address has no @ after its first character. */
    public String emailDomain() {
      int at = email == null ? -1 : email.indexOf('@');
      return at > 0 ? email.substring(at) : null;
    }

    /**
     * Minutes as hours, the way the protocol counts them (16 uur); the page's message writes one
     * decimal in the reader's language (3,5 uur).
     */
    public double unexcusedHours() {
      return unexcusedMinutes / 60.0;
    }
  }

  static final List<String> SORTS = List.of("name", "presence", "unexcused", "late");

  /** Sorts by name, or puts the students who need attention first. */
  static Comparator<StudentRow> order(String sort) {
    Comparator<StudentRow> byName = Comparator.comparing(StudentRow::name);
    if (sort == null) {
      return byName;
    }
    return switch (sort) {
      case "presence" ->
          Comparator.comparingInt((StudentRow r) -> r.fourWeeks().percent().orElse(101))
              .thenComparing(byName);
      case "unexcused" ->
          Comparator.comparingLong((StudentRow r) -> -r.unexcusedMinutes()).thenComparing(byName);
      case "late" ->
          Comparator.comparingLong((StudentRow r) -> -r.lateCount()).thenComparing(byName);
      default -> byName;
    };
  }

  @Inject RosterSync rosterSync;

  /**
   * A sync started by the launch just before usually finishes within this wait; a slow or failing
   * platform holds the page no longer, and the page shows the last good roster meanwhile.
   */
  static final Duration ROSTER_WAIT = Duration.ofMillis(800);

  /** The query parameter of the page's one reload; a reloaded page does not offer another. */
  static final String RELOADED = "reloaded";

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page(
      @PathParam("courseId") long courseId,
      @QueryParam("sort") String sort,
      @QueryParam(RELOADED) String reloaded) {
    Session session = sessions.require(request);
    // Not a mentor here, or no such course: the same 404, so ids cannot be probed.
    Course course =
        memberships
            .courseWhere(session.person(), courseId, Role.MENTOR)
            .orElseThrow(NotFoundException::new);
    rosterSync.awaitRunning(courseId, ROSTER_WAIT);
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(session.locale())
            .withZone(SCHOOL_ZONE);
    LocalDate today = LocalDate.now(clock.withZone(SCHOOL_ZONE));
    Map<Long, ClassFigures.StudentFigures> figures = classFigures.forCourse(course, today);
    // The figures' school-year late count is the one the lateness ladder counts.
    Map<Long, Long> lateCounts = new HashMap<>();
    figures.forEach((person, f) -> lateCounts.put(person, f.lateCountYear()));
    Map<Long, List<Signals.Badge>> badges =
        signals.badges(course, today, session.locale(), lateCounts);
    String noLessons = Pages.text(session.locale(), "class.trend.noLessons");
    String never = Pages.text(session.locale(), "class.never");
    String noBuddy = Pages.text(session.locale(), "class.buddy.none");
    String noMeeting = Pages.text(session.locale(), "class.meeting.none");
    List<Person> members =
        memberships.members(course, Role.STUDENT).stream().map(Member::person).toList();
    Map<Long, String> buddyLabels =
        buddyBook.classLabels(
            course.id(), buddyBook.today(), session.locale(), Actor.mentor(session.person().id()));
    Map<Long, String> nextMeetings = meetingBook.classLabels(course.id(), session.locale());
    List<StudentRow> students =
        members.stream()
            .map(
                p -> {
                  ClassFigures.StudentFigures f =
                      figures.getOrDefault(p.id(), ClassFigures.StudentFigures.empty(p.id()));
                  return new StudentRow(
                      p.id(),
                      p.displayName(),
                      p.email(),
                      "/class/" + courseId + "/students/" + p.id(),
                      p.lastLaunchAt() == null ? never : when.format(p.lastLaunchAt()),
                      f.week(),
                      f.fourWeeks(),
                      f.year(),
                      f.unexcusedMinutesFourWeeks(),
                      f.lateCountYear(),
                      Sparkline.of(f.weekly(), noLessons),
                      badges.getOrDefault(p.id(), List.of()),
                      buddyLabels.getOrDefault(p.id(), noBuddy),
                      nextMeetings.getOrDefault(p.id(), noMeeting));
                })
            .sorted(order(sort))
            .toList();
    List<String> mentors =
        memberships.members(course, Role.MENTOR).stream()
            .map(m -> m.person().displayName())
            .toList();
    ClassSummary summary = ClassSummary.of(figures.values(), noLessons);
    Map<String, Object> vars = Frame.of(session, "/class/" + courseId);
    vars.put("courseTitle", course.displayTitle());
    vars.put("courseId", course.id());
    vars.put("mentorGroup", mentorGroups.isMentorGroup(course));
    vars.put("students", students);
    vars.put("summary", summary);
    vars.put(
        "goodNews",
        goodNews.forCourse(
            course, today, session.locale(), figures, members.stream().map(Person::id).toList()));
    // Once per view instead of a message lookup per student or badge.
    vars.put("badgeHandled", Pages.text(session.locale(), "signal.badge.handled"));
    vars.put("noBadges", Pages.text(session.locale(), "signal.badge.none"));
    vars.put("sort", sort != null && SORTS.contains(sort) ? sort : "name");
    vars.put("mentors", mentors);
    vars.put("roster", rosterLine(courseId, session, reloaded != null, sort));
    vars.put("refreshUrl", "/class/" + courseId + "/roster/refresh");
    return pages.render("class", session.locale(), vars);
  }

  /**
   * The mentor's "vernieuwen": starts reading the roster and shows the page again, which waits for
   * it as briefly as after a launch.
   */
  @POST
  @Path("roster/refresh")
  public Response refreshRoster(@PathParam("courseId") long courseId) {
    Session session = sessions.require(request);
    memberships
        .courseWhere(session.person(), courseId, Role.MENTOR)
        .orElseThrow(NotFoundException::new);
    rosterSync.refresh(courseId);
    return Response.seeOther(URI.create("/class/" + courseId)).build();
  }

  /**
   * Null when the platform offers no roster service: then the page is as before. A view that is not
   * itself the reload offers one, in the same order, for when a read still runs.
   */
  private RosterLine rosterLine(long courseId, Session session, boolean reloaded, String sort) {
    RosterSync.Status status = rosterSync.status(courseId);
    if (!status.offered()) {
      return null;
    }
    String reload =
        reloaded
            ? null
            : "/class/"
                + courseId
                + "?"
                + RELOADED
                + "=1"
                + (sort != null && SORTS.contains(sort) ? "&sort=" + sort : "");
    return RosterLine.of(status, clock.instant(), SCHOOL_ZONE, session.locale(), reload);
  }
}
