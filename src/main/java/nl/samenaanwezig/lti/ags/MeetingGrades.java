package nl.samenaanwezig.lti.ags;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.InstitutionSetting;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.services.ServiceUnavailableException;

/**
 * The one grade the tool gives, only where the institution's administrator switched it on: a held
 * MOL-gesprek (study career meeting) becomes 1 in the line item "MOL-gesprek gevoerd" of the
 * student's course. A platform fault never reaches the caller: it is logged and reported as FAILED.
 */
public final class MeetingGrades {
  public static final String LABEL = "MOL-gesprek gevoerd";
  public static final String RESOURCE_ID = "samen-aanwezig-mol";
  public static final String TAG = "mol-gesprek";

  private static final Logger LOG = Logger.getLogger(MeetingGrades.class.getName());

  private final Database db;
  private final AgsClient ags;
  private final Clock clock;
  private final ConcurrentMap<Long, Object> courseLocks = new ConcurrentHashMap<>();

  public MeetingGrades(Database db, AgsClient ags, Clock clock) {
    this.db = db;
    this.ags = ags;
    this.clock = clock;
  }

  /** What {@link #recordHeld} did. */
  public record Outcome(Kind kind, Optional<Skip> skip, Optional<URI> lineItem, String error) {
    /** Sent to the gradebook, deliberately not sent, or tried and failed. */
    public enum Kind {
      SENT,
      SKIPPED,
      FAILED
    }

    /** Why nothing was sent. */
    public enum Skip {
      /** The institution did not switch the option on. */
      OPTION_OFF,
      /** No launch from the course offered a grade service (AGS claim with lineitems). */
      NO_GRADE_SERVICE,
      /** The platform did not grant the scopes to post scores and find or create the item. */
      NOT_PERMITTED,
      /** The person is not an active student of the course. */
      NOT_A_STUDENT
    }

    static Outcome sent(URI lineItem) {
      return new Outcome(Kind.SENT, Optional.empty(), Optional.of(lineItem), null);
    }

    static Outcome skipped(Skip why) {
      return new Outcome(Kind.SKIPPED, Optional.of(why), Optional.empty(), null);
    }

    static Outcome failed(String error) {
      return new Outcome(Kind.FAILED, Optional.empty(), Optional.empty(), error);
    }
  }

  /** Whether the institution sends held meetings to the gradebook (off unless switched on). */
  public boolean enabled(long institutionId) {
    return db.read(
        em -> {
          InstitutionSetting setting = em.find(InstitutionSetting.class, institutionId);
          return setting != null && setting.meetingGrades();
        });
  }

  /** The administrator's choice for the institution. */
  public void enable(long institutionId, boolean on) {
    db.run(
        em -> {
          InstitutionSetting setting = em.find(InstitutionSetting.class, institutionId);
          if (setting == null) {
            setting = new InstitutionSetting(institutionId, clock.instant());
            em.persist(setting);
          }
          setting.meetingGrades(on, clock.instant());
        });
  }

  /** What a held meeting needs: the course's grade service and the student's user id, or a skip. */
  private record Plan(Outcome.Skip skip, GradeService service, String userId) {
    static Plan skip(Outcome.Skip why) {
      return new Plan(why, null, null);
    }
  }

  /**
   * Records that the student's MOL-gesprek in this course was held: score 1 of 1 on the line item
   * "MOL-gesprek gevoerd", found by its resourceId and tag or created once. Runs in the calling
   * thread (a few service calls, each within the service timeout).
   *
   * @throws IllegalArgumentException when there is no course with this id
   */
  public Outcome recordHeld(long courseId, long studentPersonId) {
    Plan plan =
        db.read(
            em -> {
              Course course = em.find(Course.class, courseId);
              if (course == null) {
                throw new IllegalArgumentException("no course " + courseId);
              }
              InstitutionSetting setting =
                  em.find(InstitutionSetting.class, course.platform().institution().id());
              if (setting == null || !setting.meetingGrades()) {
                return Plan.skip(Outcome.Skip.OPTION_OFF);
              }
              Optional<Member> member =
                  em
                      .createQuery(
                          "select m from Member m where m.course.id = :c and m.person.id = :p",
                          Member.class)
                      .setParameter("c", courseId)
                      .setParameter("p", studentPersonId)
                      .getResultList()
                      .stream()
                      .findFirst();
              if (member.isEmpty()
                  || !member.get().active()
                  || !member.get().roles().contains(Role.STUDENT)) {
                return Plan.skip(Outcome.Skip.NOT_A_STUDENT);
              }
              Optional<GradeService> service = GradeService.of(course);
              if (service.isEmpty()) {
                return Plan.skip(Outcome.Skip.NO_GRADE_SERVICE);
              }
              if (!service.get().permits(LtiClaims.AGS_SCOPE_SCORE)
                  || service.get().readScope().isEmpty()) {
                return Plan.skip(Outcome.Skip.NOT_PERMITTED);
              }
              return new Plan(null, service.get(), member.get().person().subject());
            });
    if (plan.skip() != null) {
      return Outcome.skipped(plan.skip());
    }
    try {
      Optional<LineItem> item = lineItem(courseId, plan.service());
      if (item.isEmpty()) {
        return Outcome.skipped(Outcome.Skip.NOT_PERMITTED);
      }
      // AGS 3.4: the platform's user id is the launch's sub (Moodle: the user id).
      ags.score(
          plan.service(),
          item.get().id(),
          Score.completed(plan.userId(), 1, 1, clock.instant(), null));
      return Outcome.sent(item.get().id());
    } catch (ServiceUnavailableException e) {
      LOG.log(
          Level.WARNING,
          "held meeting of person "
              + studentPersonId
              + " in course "
              + courseId
              + " not sent to the gradebook: "
              + e.getMessage());
      LOG.log(Level.FINE, "meeting grade failure", e);
      return Outcome.failed(e.getMessage());
    }
  }

  /**
   * The course's "MOL-gesprek gevoerd" line item; created when missing and the platform lets us.
   * One lookup per course at a time, so two held meetings never create two items.
   */
  private Optional<LineItem> lineItem(long courseId, GradeService service) {
    synchronized (courseLocks.computeIfAbsent(courseId, k -> new Object())) {
      Optional<LineItem> found = ags.find(service, RESOURCE_ID, TAG);
      if (found.isPresent() || !service.permits(LtiClaims.AGS_SCOPE_LINEITEM)) {
        return found;
      }
      return Optional.of(ags.create(service, new LineItem.Draft(LABEL, 1, RESOURCE_ID, TAG, null)));
    }
  }
}
