package nl.samenaanwezig.meetings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;

/**
 * Inviting: a whole class at once ("plan kennismakingsgesprekken voor deze klas"), or one student
 * (e.g. a talk about attendance after a protocol signal). Every student gets a meeting to book; the
 * buddies the consent rule allows get a personal link, by mail or on the call list.
 */
public final class Campaigns {
  private final Database db;
  private final BuddyBook book;
  private final BuddyLinks links;
  private final Bookings bookings;
  private final Notifications notifications;
  private final Clock clock;

  public Campaigns(
      Database db,
      BuddyBook book,
      BuddyLinks links,
      Bookings bookings,
      Notifications notifications,
      Clock clock) {
    this.db = db;
    this.book = book;
    this.links = links;
    this.bookings = bookings;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** What starting (or topping up) a campaign did. */
  public record Started(long campaignId, int newMeetings, int newLinks) {}

  /**
   * Invites every active student of the course for a talk of this kind. Run again, it invites only
   * who is new: students who joined since, and buddies who became allowed since.
   */
  public Started start(long courseId, long mentorId, MeetingKind kind, String baseUrl) {
    Instant now = clock.instant();
    Map<Long, BuddyBook.Overview> overviews = new HashMap<>();
    List<Long> studentIds =
        db.read(
            em ->
                em
                    .createQuery(
                        "select m from Member m where m.course.id = :c and m.active = true",
                        Member.class)
                    .setParameter("c", courseId)
                    .getResultList()
                    .stream()
                    .filter(m -> m.roles().contains(Role.STUDENT))
                    .map(m -> m.person().id())
                    .toList());
    for (long id : studentIds) {
      overviews.put(id, book.overview(id, book.today()));
    }
    List<Long> newMeetings = new ArrayList<>();
    List<long[]> newBuddyLinks = new ArrayList<>();
    long campaignId =
        db.tx(
            em -> {
              Course course = em.find(Course.class, courseId);
              Person mentor = em.find(Person.class, mentorId);
              Campaign campaign =
                  em
                      .createQuery(
                          "select c from Campaign c where c.course.id = :c and c.kind = :k"
                              + " order by c.createdAt desc",
                          Campaign.class)
                      .setParameter("c", courseId)
                      .setParameter("k", kind)
                      .setMaxResults(1)
                      .getResultList()
                      .stream()
                      .findFirst()
                      .orElse(null);
              if (campaign == null) {
                campaign = new Campaign(course, mentor, kind, now);
                em.persist(campaign);
                em.flush();
              }
              Map<Long, Meeting> existing = new HashMap<>();
              for (Meeting m :
                  em.createQuery("select m from Meeting m where m.campaign.id = :c", Meeting.class)
                      .setParameter("c", campaign.id())
                      .getResultList()) {
                existing.put(m.student().id(), m);
              }
              for (long studentId : studentIds) {
                Meeting m = existing.get(studentId);
                boolean created = m == null;
                if (created) {
                  m =
                      new Meeting(
                          course, em.find(Person.class, studentId), mentor, campaign, kind, now);
                  em.persist(m);
                  em.flush();
                  newMeetings.add(m.id());
                }
                if (!m.status().isOpenForBooking()) {
                  continue;
                }
                BuddyBook.Overview today = overviews.get(studentId);
                Participants p = Participants.of(m, today, today);
                for (long buddyId : links.ensure(em, m, p.allowedBuddies(), baseUrl)) {
                  if (!created) {
                    newBuddyLinks.add(new long[] {m.id(), buddyId});
                  }
                }
              }
              return campaign.id();
            });
    notifications.invited(newMeetings);
    for (long[] pair : newBuddyLinks) {
      notifications.invitedBuddy(pair[0], pair[1]);
    }
    return new Started(campaignId, newMeetings.size(), newBuddyLinks.size());
  }

  /**
   * Invites one student (and allowed buddies) for a talk of this kind; with a slot the mentor books
   * the time at once (the confirmation with the calendar file is the invitation).
   */
  public Bookings.Result planOne(
      long courseId,
      long mentorId,
      long studentId,
      MeetingKind kind,
      Optional<Long> slotId,
      String baseUrl) {
    Instant now = clock.instant();
    BuddyBook.Overview today = book.overview(studentId, book.today());
    long meetingId =
        db.tx(
            em -> {
              Meeting m =
                  new Meeting(
                      em.find(Course.class, courseId),
                      em.find(Person.class, studentId),
                      em.find(Person.class, mentorId),
                      null,
                      kind,
                      now);
              em.persist(m);
              em.flush();
              links.ensure(em, m, Participants.of(m, today, today).allowedBuddies(), baseUrl);
              return m.id();
            });
    if (slotId.isEmpty()) {
      notifications.invited(List.of(meetingId));
      return new Bookings.Result(true, "meeting.invited");
    }
    Bookings.Result booked = bookings.book(meetingId, slotId.get(), Who.MENTOR);
    if (!booked.done()) {
      notifications.invited(List.of(meetingId));
    }
    return booked;
  }

  /** The course's campaigns, newest first. */
  public List<Campaign> ofCourse(long courseId) {
    return db.read(
        em ->
            em.createQuery(
                    "select c from Campaign c where c.course.id = :c order by c.createdAt desc",
                    Campaign.class)
                .setParameter("c", courseId)
                .getResultList());
  }

  public Optional<Campaign> find(long courseId, long campaignId) {
    return db.read(
        em ->
            Optional.ofNullable(em.find(Campaign.class, campaignId))
                .filter(c -> c.course().id() == courseId));
  }
}
