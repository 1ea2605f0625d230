package nl.samenaanwezig.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.web.Pages;

/** Reading meetings: per class, per campaign, per student, and what the class page shows. */
public final class MeetingBook {
  /** Soonest first; meetings without a time after those with one, oldest invitation first. */
  static final Comparator<Meeting> BY_TIME =
      Comparator.comparing((Meeting m) -> m.slot().map(Slot::startsAt).orElse(Instant.MAX))
          .thenComparing(Meeting::createdAt)
          .thenComparing(Meeting::id);

  private final Database db;
  private final Clock clock;

  public MeetingBook(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Optional<Meeting> find(long meetingId) {
    return db.read(em -> Optional.ofNullable(em.find(Meeting.class, meetingId)));
  }

  /** A meeting of this course, or empty (so ids of other courses cannot be probed). */
  public Optional<Meeting> inCourse(long courseId, long meetingId) {
    return find(meetingId).filter(m -> m.course().id() == courseId);
  }

  public List<Meeting> ofCourse(long courseId) {
    return sorted(
        db.read(
            em ->
                em.createQuery("select m from Meeting m where m.course.id = :c", Meeting.class)
                    .setParameter("c", courseId)
                    .getResultList()));
  }

  public List<Meeting> ofCampaign(long campaignId) {
    return db
        .read(
            em ->
                em.createQuery("select m from Meeting m where m.campaign.id = :c", Meeting.class)
                    .setParameter("c", campaignId)
                    .getResultList())
        .stream()
        .sorted(Comparator.comparing((Meeting m) -> m.student().displayName()))
        .toList();
  }

  /** A student's meetings, in one course or (courseId null) in all. */
  public List<Meeting> ofStudent(long studentId, Long courseId) {
    return sorted(
        db.read(
            em -> {
              var query =
                  em.createQuery(
                          "select m from Meeting m where m.student.id = :s"
                              + (courseId == null ? "" : " and m.course.id = :c"),
                          Meeting.class)
                      .setParameter("s", studentId);
              if (courseId != null) {
                query.setParameter("c", courseId);
              }
              return query.getResultList();
            }));
  }

  /**
   * Per student of the course, the meeting the class page shows as "volgende gesprek": the next
   * planned one, else one still open for booking.
   */
  public Map<Long, Meeting> nextPerStudent(long courseId) {
    Instant now = clock.instant();
    Map<Long, Meeting> next = new HashMap<>();
    for (Meeting m : ofCourse(courseId)) {
      boolean upcoming =
          m.status() == MeetingStatus.PLANNED && m.slot().orElseThrow().endsAt().isAfter(now);
      boolean open = m.status() == MeetingStatus.OPEN;
      if (!upcoming && !open) {
        continue;
      }
      Meeting current = next.get(m.student().id());
      if (current == null || (current.status() == MeetingStatus.OPEN && upcoming)) {
        next.put(m.student().id(), m);
      }
    }
    return next;
  }

  /**
   * The class page's "volgende gesprek" per student who has one: the day and time of the next
   * planned talk ("di 29 sep 19:00"), or that an invitation is open.
   */
  public Map<Long, String> classLabels(long courseId, Locale locale) {
    Map<Long, String> labels = new HashMap<>();
    nextPerStudent(courseId)
        .forEach(
            (student, m) ->
                labels.put(
                    student,
                    m.status() == MeetingStatus.OPEN
                        ? Pages.text(locale, "class.meeting.open")
                        : m.slot().orElseThrow().time().shortDay(locale)
                            + " "
                            + m.slot().orElseThrow().time().hour()));
    return labels;
  }

  /** Held talks of a kind since a day (e.g. progress talks this school year: about five). */
  public long held(long studentId, MeetingKind kind, LocalDate since) {
    Instant from = since.atStartOfDay(SlotTime.AMSTERDAM).toInstant();
    return db.read(
        em ->
            em.createQuery(
                    "select count(m) from Meeting m where m.student.id = :s and m.kind = :k"
                        + " and m.status = :held and m.slot.startsAt >= :from",
                    Long.class)
                .setParameter("s", studentId)
                .setParameter("k", kind)
                .setParameter("held", MeetingStatus.HELD)
                .setParameter("from", from)
                .getSingleResult());
  }

  /** The "none of these times fit" answers of a meeting, newest first. */
  public List<Answer> answers(long meetingId) {
    return db.read(
        em ->
            em.createQuery(
                    "select a from Answer a where a.meeting.id = :m order by a.createdAt desc,"
                        + " a.id desc",
                    Answer.class)
                .setParameter("m", meetingId)
                .getResultList());
  }

  /** What was sent about a meeting, newest first. */
  public List<SentMail> mails(long meetingId) {
    return db.read(
        em ->
            em.createQuery(
                    "select s from SentMail s where s.meeting.id = :m order by s.sentAt desc,"
                        + " s.id desc",
                    SentMail.class)
                .setParameter("m", meetingId)
                .getResultList());
  }

  /** What was sent in a campaign, newest first. */
  public List<SentMail> mailsOfCampaign(long campaignId) {
    return db.read(
        em ->
            em.createQuery(
                    "select s from SentMail s where s.meeting.campaign.id = :c"
                        + " order by s.sentAt desc, s.id desc",
                    SentMail.class)
                .setParameter("c", campaignId)
                .getResultList());
  }

  private static List<Meeting> sorted(List<Meeting> meetings) {
    return meetings.stream().sorted(BY_TIME).toList();
  }
}
