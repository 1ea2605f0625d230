package nl.samenaanwezig.meetings;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.Decision;
import nl.samenaanwezig.buddies.Topic;
import nl.samenaanwezig.db.Database;

/**
 * The buddies' personal links: made for the buddies the consent rule allows, shown again to the
 * mentor, revoked or renewed, and checked when a buddy opens one. A link stops working when it
 * expires, is revoked, or the consent it relied on is gone.
 */
public final class BuddyLinks {
  private final Database db;
  private final BuddyBook book;
  private final LinkSigner signer;
  private final Clock clock;

  public BuddyLinks(Database db, BuddyBook book, LinkSigner signer, Clock clock) {
    this.db = db;
    this.book = book;
    this.signer = signer;
    this.clock = clock;
  }

  /** What opening a token found. */
  public sealed interface Opened {
    /** Not a token of ours (malformed, tampered, or no such link): 404. */
    record Unknown() implements Opened {}

    /** A real link that no longer works, and why: 410. */
    record Gone(Reason reason, BuddyLink link) implements Opened {}

    /** A working link. */
    record Valid(BuddyLink link) implements Opened {}
  }

  /** Why a link no longer works. */
  public enum Reason {
    EXPIRED,
    REVOKED,
    /** The student withdrew consent, or removed the buddy. */
    NO_CONSENT
  }

  /**
   * A link that stopped working, found inside the transaction of a change it was to make (the
   * change is rolled back); carries what opening it would have found.
   */
  public static final class GoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Opened.Gone gone;

    GoneException(Opened.Gone gone) {
      super(gone.reason().name(), null, false, false);
      this.gone = gone;
    }

    public Opened.Gone gone() {
      return gone;
    }
  }

  /** Checks a token and, in the same transaction, its state and the consent it relies on. */
  public Opened open(String token) {
    Optional<LinkSigner.Claim> claim = signer.verify(token);
    if (claim.isEmpty()) {
      return new Opened.Unknown();
    }
    Instant now = clock.instant();
    return db.tx(
        em -> {
          BuddyLink link = em.find(BuddyLink.class, claim.get().linkId());
          if (link == null || !link.expiresAt().equals(claim.get().expiresAt())) {
            return new Opened.Unknown();
          }
          Optional<Reason> gone = refusal(em, link, now);
          if (gone.isPresent()) {
            return new Opened.Gone(gone.get(), link);
          }
          if (link.openedAt() == null) {
            link.opened(now);
          }
          return new Opened.Valid(link);
        });
  }

  /**
   * Inside the transaction of a change made through the link (a booking, an answer): the link must
   * still work and the consent still allow invitations when the change is written, not only when
   * the page was opened. Throws {@link GoneException} otherwise, which rolls the change back.
   */
  public void stillWorks(EntityManager em, long linkId) {
    BuddyLink link = em.find(BuddyLink.class, linkId);
    Optional<Reason> gone = refusal(em, link, clock.instant());
    if (gone.isPresent()) {
      throw new GoneException(new Opened.Gone(gone.get(), link));
    }
  }

  /** Why a link of ours no longer works, read with {@code em}; empty when it works. */
  private Optional<Reason> refusal(EntityManager em, BuddyLink link, Instant now) {
    switch (link.stateAt(now)) {
      case REVOKED:
        return Optional.of(Reason.REVOKED);
      case EXPIRED:
        return Optional.of(Reason.EXPIRED);
      default:
        break;
    }
    Meeting m = link.meeting();
    boolean allowed =
        book.decide(
                em, m.student().id(), link.buddy().id(), Topic.MEETING_INVITATIONS, book.today())
            .map(Decision::allowed)
            .orElse(false);
    return allowed ? Optional.empty() : Optional.of(Reason.NO_CONSENT);
  }

  /**
   * Makes a link for every buddy in {@code allowed} who has no working link to this meeting yet,
   * inside the caller's transaction. Returns the buddies who got a new one.
   */
  List<Long> ensure(EntityManager em, Meeting meeting, List<Reach> allowed, String baseUrl) {
    Instant now = clock.instant();
    List<Long> active =
        em.createQuery(
                "select l.buddy.id from BuddyLink l where l.meeting.id = :m"
                    + " and l.revokedAt is null and l.expiresAt > :now",
                Long.class)
            .setParameter("m", meeting.id())
            .setParameter("now", now)
            .getResultList();
    List<Long> made = new ArrayList<>();
    for (Reach r : allowed) {
      if (r.allowed() && !active.contains(r.buddy().id())) {
        em.persist(new BuddyLink(meeting, em.find(Buddy.class, r.buddy().id()), baseUrl, now));
        made.add(r.buddy().id());
      }
    }
    return made;
  }

  /** Every link of a meeting, newest first. */
  public List<BuddyLink> of(long meetingId) {
    return db.read(
        em ->
            em.createQuery(
                    "select l from BuddyLink l where l.meeting.id = :m order by l.createdAt desc,"
                        + " l.id desc",
                    BuddyLink.class)
                .setParameter("m", meetingId)
                .getResultList());
  }

  /** The mentor revokes a link of this meeting; false when it is not one. */
  public boolean revoke(long meetingId, long linkId) {
    Instant now = clock.instant();
    return db.tx(
        em -> {
          BuddyLink link = em.find(BuddyLink.class, linkId);
          if (link == null || !link.meeting().id().equals(meetingId)) {
            return false;
          }
          link.revoke(now);
          return true;
        });
  }

  /**
   * The mentor gives a buddy a new link (the old one stops): only for a buddy the rule allows.
   * Returns the new link's id, or empty when the buddy may not be invited.
   */
  public Optional<Long> renew(long meetingId, long buddyId, List<Reach> allowed, String baseUrl) {
    Instant now = clock.instant();
    Optional<Reach> reach =
        allowed.stream().filter(r -> r.allowed() && r.buddy().id() == buddyId).findFirst();
    if (reach.isEmpty()) {
      return Optional.empty();
    }
    return db.tx(
        em -> {
          Meeting m = em.find(Meeting.class, meetingId);
          em.createQuery(
                  "select l from BuddyLink l where l.meeting.id = :m and l.buddy.id = :b"
                      + " and l.revokedAt is null",
                  BuddyLink.class)
              .setParameter("m", meetingId)
              .setParameter("b", buddyId)
              .getResultList()
              .forEach(l -> l.revoke(now));
          BuddyLink fresh = new BuddyLink(m, em.find(Buddy.class, buddyId), baseUrl, now);
          em.persist(fresh);
          em.flush();
          return Optional.of(fresh.id());
        });
  }

  public String url(BuddyLink link) {
    return link.url(signer);
  }
}
