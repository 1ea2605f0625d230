package nl.samenaanwezig.meetings;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.db.Database;

/**
 * Choosing, moving and giving back a time, the same for the student (in the LMS), a buddy (through
 * the link) and the mentor. The last place of a slot goes to exactly one booking: the place is
 * claimed with a conditional UPDATE on the slot's booked count (and the database's CHECK refuses
 * more), and two parties booking the same meeting at once meet the meeting's version column.
 */
public final class Bookings {
  /** For parties whose right to act was checked with the session (student, mentor). */
  private static final Consumer<EntityManager> NO_GUARD = em -> {};

  private final Database db;
  private final Notifications notifications;
  private final Clock clock;

  public Bookings(Database db, Notifications notifications, Clock clock) {
    this.db = db;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** The answer to a change: done, or refused with the message key that says why. */
  public record Result(boolean done, String messageKey) {
    static Result ok(String key) {
      return new Result(true, key);
    }

    static Result refused(String key) {
      return new Result(false, key);
    }
  }

  /** Thrown inside the transaction to roll it back when the slot is full. */
  private static final class Full extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Full() {
      super(null, null, false, false);
    }
  }

  /** Books (or moves the meeting to) a slot on behalf of {@code who}. */
  public Result book(long meetingId, long slotId, Who who) {
    return book(meetingId, slotId, who, NO_GUARD);
  }

  /**
   * Books as {@link #book(long, long, Who)}, after {@code guard} checked, in the same transaction,
   * that the party may still act (a buddy's link and consent); the guard throws to refuse.
   */
  public Result book(long meetingId, long slotId, Who who, Consumer<EntityManager> guard) {
    Instant now = clock.instant();
    boolean[] moved = new boolean[1];
    try {
      Result result =
          db.tx(
              em -> {
                guard.accept(em);
                Meeting m = em.find(Meeting.class, meetingId);
                Slot target = em.find(Slot.class, slotId);
                if (m == null || target == null) {
                  return Result.refused("booking.notOffered");
                }
                Optional<Long> previous = m.slot().map(Slot::id);
                Optional<Meeting.Refusal> refusal = m.book(target, who, now);
                if (refusal.isPresent()) {
                  return Result.refused(key(refusal.get()));
                }
                moved[0] = previous.isPresent();
                // Flush the meeting first (its version check), then the places, lowest id first
                // so that two moves in opposite directions cannot deadlock.
                em.flush();
                List<Long> order =
                    previous.isPresent() && previous.get() < slotId
                        ? List.of(previous.get(), slotId)
                        : previous.isPresent() ? List.of(slotId, previous.get()) : List.of(slotId);
                for (long id : order) {
                  if (id == slotId) {
                    if (claim(em, slotId) == 0) {
                      throw new Full();
                    }
                  } else {
                    free(em, id);
                  }
                }
                return Result.ok(moved[0] ? "booking.moved" : "booking.booked");
              });
      if (result.done()) {
        notifications.booked(meetingId, moved[0]);
      }
      return result;
    } catch (Full e) {
      return Result.refused("booking.full");
    } catch (PersistenceException e) {
      // Someone else changed this meeting or took the place at the same moment.
      return Result.refused("booking.conflict");
    }
  }

  /** A participant can no longer come: the place is freed and the meeting is open again. */
  public Result release(long meetingId, Who who) {
    return release(meetingId, who, NO_GUARD);
  }

  /** Releases as {@link #release(long, Who)}, after {@code guard} (see {@link #book}). */
  public Result release(long meetingId, Who who, Consumer<EntityManager> guard) {
    Instant now = clock.instant();
    try {
      Meeting.CalendarEntry[] cancelled = new Meeting.CalendarEntry[1];
      Result result =
          db.tx(
              em -> {
                guard.accept(em);
                Meeting m = em.find(Meeting.class, meetingId);
                if (m == null || m.status() != MeetingStatus.PLANNED) {
                  return Result.refused("booking.closed");
                }
                Slot slot = m.slot().orElseThrow();
                if (!slot.changeableBy(who, now)) {
                  return Result.refused("booking.guarded");
                }
                cancelled[0] = m.release(who, now);
                em.flush();
                free(em, slot.id());
                return Result.ok("booking.released");
              });
      if (result.done()) {
        notifications.cancelled(meetingId, cancelled[0]);
      }
      return result;
    } catch (PersistenceException e) {
      return Result.refused("booking.conflict");
    }
  }

  /** The mentor calls the meeting off altogether. */
  public Result cancel(long meetingId) {
    Instant now = clock.instant();
    try {
      @SuppressWarnings("unchecked")
      Optional<Meeting.CalendarEntry>[] entry = new Optional[] {Optional.empty()};
      Result result =
          db.tx(
              em -> {
                Meeting m = em.find(Meeting.class, meetingId);
                if (m == null || !m.status().isOpenForBooking()) {
                  return Result.refused("booking.closed");
                }
                Optional<Long> slot = m.slot().map(Slot::id);
                entry[0] = m.cancel(now);
                em.flush();
                slot.ifPresent(id -> free(em, id));
                return Result.ok("meeting.cancelled");
              });
      if (result.done()) {
        entry[0].ifPresent(e -> notifications.cancelled(meetingId, e));
      }
      return result;
    } catch (PersistenceException e) {
      return Result.refused("booking.conflict");
    }
  }

  /**
   * The mentor withdraws a slot: it is no longer offered and the meetings booked in it are open
   * again (everyone gets a cancellation and can choose another time). Returns how many.
   */
  public int withdrawSlot(long slotId) {
    Instant now = clock.instant();
    List<Long> meetings =
        db.tx(
            em -> {
              Slot slot = em.find(Slot.class, slotId);
              slot.cancel(now);
              return em.createQuery(
                      "select m.id from Meeting m where m.slot.id = :s and m.status = :planned",
                      Long.class)
                  .setParameter("s", slotId)
                  .setParameter("planned", MeetingStatus.PLANNED)
                  .getResultList();
            });
    for (long id : meetings) {
      release(id, Who.MENTOR);
    }
    return meetings.size();
  }

  /** "None of these times fit": when this party can instead. */
  public void answer(long meetingId, Who who, Long buddyId, Availability when, String note) {
    answer(meetingId, who, buddyId, when, note, NO_GUARD);
  }

  /** Answers as {@link #answer(long, Who, Long, Availability, String)}, after {@code guard}. */
  public void answer(
      long meetingId,
      Who who,
      Long buddyId,
      Availability when,
      String note,
      Consumer<EntityManager> guard) {
    Instant now = clock.instant();
    db.run(
        em -> {
          guard.accept(em);
          em.persist(
              new Answer(
                  em.find(Meeting.class, meetingId),
                  who,
                  buddyId == null ? null : em.find(Buddy.class, buddyId),
                  when,
                  note,
                  now));
        });
  }

  private static int claim(EntityManager em, long slotId) {
    return em.createQuery(
            "update Slot s set s.booked = s.booked + 1"
                + " where s.id = :id and s.booked < s.capacity and s.cancelledAt is null")
        .setParameter("id", slotId)
        .executeUpdate();
  }

  private static void free(EntityManager em, long slotId) {
    em.createQuery("update Slot s set s.booked = s.booked - 1 where s.id = :id and s.booked > 0")
        .setParameter("id", slotId)
        .executeUpdate();
  }

  private static String key(Meeting.Refusal refusal) {
    return switch (refusal) {
      case CLOSED -> "booking.closed";
      case GUARDED -> "booking.guarded";
      case NOT_OFFERED -> "booking.notOffered";
    };
  }
}
