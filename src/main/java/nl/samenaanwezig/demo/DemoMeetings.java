package nl.samenaanwezig.demo;

import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.buddies.Availability;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.meetings.Agreement;
import nl.samenaanwezig.meetings.Answer;
import nl.samenaanwezig.meetings.BuddyLink;
import nl.samenaanwezig.meetings.Campaign;
import nl.samenaanwezig.meetings.LocationKind;
import nl.samenaanwezig.meetings.Meeting;
import nl.samenaanwezig.meetings.MeetingKind;
import nl.samenaanwezig.meetings.MeetingNote;
import nl.samenaanwezig.meetings.MeetingStatus;
import nl.samenaanwezig.meetings.Slot;
import nl.samenaanwezig.meetings.SlotTime;
import nl.samenaanwezig.meetings.Who;

/**
 * A kennismakingscampagne in progress in the demo class, relative to today: an evening series
 * (Tuesdays and Thursdays of the next two weeks, 19:00-20:40 in talks of 20 minutes), every student
 * invited twelve days ago, the buddies the consent rules allow with a personal link, some students
 * and buddies booked, two "none of these times fit" answers, buddies who prefer the phone on the
 * call list, and Emma's talk of last week held, with a shared note and agreements. Written once, in
 * the transaction that creates the demo class.
 */
final class DemoMeetings {
  private static final Duration GUARD = Duration.ofHours(24);

  private DemoMeetings() {}

  static void seed(
      EntityManager em,
      Map<String, Person> people,
      Course course,
      String baseUrl,
      LocalDate today,
      Instant now) {
    em.flush();
    Person mentor = people.get(DemoSchool.MENTOR.sub());
    Instant invitedAt = now.minus(Duration.ofDays(12));
    LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    List<Slot> evenings = new ArrayList<>();
    for (int day : new int[] {1, 3, 8, 10}) {
      for (int talk = 0; talk < 5; talk++) {
        evenings.add(
            slot(em, course, mentor, nextMonday.plusDays(day), 19 * 60 + talk * 20, invitedAt));
      }
    }
    LocalDate lastTuesday = today.with(TemporalAdjusters.previous(DayOfWeek.TUESDAY));
    Slot held = slot(em, course, mentor, lastTuesday, 19 * 60, invitedAt);

    Campaign campaign = new Campaign(course, mentor, MeetingKind.KENNISMAKING, invitedAt);
    em.persist(campaign);
    Map<String, Meeting> meetings = new HashMap<>();
    for (DemoSchool.User user : DemoSchool.STUDENTS) {
      Meeting m =
          new Meeting(
              course,
              people.get(user.sub()),
              mentor,
              campaign,
              MeetingKind.KENNISMAKING,
              invitedAt);
      em.persist(m);
      meetings.put(user.sub(), m);
    }
    em.flush();

    // The buddies the consent rule allows for invitations get a link (see DemoBuddies): all four
    // prefer the phone, a message or a visit, so they are on the mentor's call list too.
    Map<String, BuddyLink> links = new HashMap<>();
    for (String[] allowed :
        new String[][] {
          {"demo-student-01", "Khadija El Amrani"},
          {"demo-student-02", "Anouk Jansen"},
          {"demo-student-04", "Hasan Yılmaz"},
          {"demo-student-09", "Iryna Kovalenko"}
        }) {
      Meeting m = meetings.get(allowed[0]);
      BuddyLink link = new BuddyLink(m, buddy(em, m.student(), allowed[1]), baseUrl, invitedAt);
      em.persist(link);
      links.put(allowed[0], link);
    }

    Map<Slot, Integer> booked = new HashMap<>();
    int next = 0;
    for (String sub :
        List.of(
            "demo-student-05",
            "demo-student-07",
            "demo-student-10",
            "demo-student-17",
            "demo-student-20")) {
      book(meetings.get(sub), evenings.get(next++), Who.STUDENT, invitedAt.plus(days(2)), booked);
    }
    for (String sub : List.of("demo-student-04", "demo-student-09")) {
      links.get(sub).opened(invitedAt.plus(days(1)));
      book(meetings.get(sub), evenings.get(next++), Who.BUDDY, invitedAt.plus(days(3)), booked);
    }

    Meeting yasmine = meetings.get("demo-student-01");
    links.get("demo-student-01").opened(invitedAt.plus(days(4)));
    em.persist(
        new Answer(
            yasmine,
            Who.BUDDY,
            buddy(em, yasmine.student(), "Khadija El Amrani"),
            Availability.ofCodes(List.of("THURSDAY-EVENING")),
            "Ik werk in de thuiszorg met wisselende diensten. Donderdagavond ben ik meestal vrij.",
            invitedAt.plus(days(4))));
    Meeting lucas = meetings.get("demo-student-12");
    em.persist(
        new Answer(
            lucas,
            Who.STUDENT,
            null,
            Availability.ofCodes(List.of("WEDNESDAY-AFTERNOON")),
            "Ik werk op dinsdag- en donderdagavond in de supermarkt.",
            invitedAt.plus(days(5))));

    Meeting emma = meetings.get("demo-student-03");
    book(emma, held, Who.STUDENT, invitedAt.plus(days(1)), booked);
    emma.recordOutcome(MeetingStatus.HELD, mentor, today.plusWeeks(6), now);
    Instant after = held.endsAt();
    em.persist(
        new MeetingNote(
            emma,
            MeetingNote.Visibility.SHARED,
            "Emma wil stage lopen in de ouderenzorg. De ochtenden zijn zwaar door haar bijbaan"
                + " in de avond; samen gekeken hoe ze op tijd kan komen.",
            mentor,
            after));
    em.persist(
        new Agreement(
            emma,
            "Emma zet elke zondag haar lesrooster en werktijden voor de week in haar agenda.",
            Who.STUDENT,
            today.plusWeeks(2),
            after));
    em.persist(
        new Agreement(
            emma,
            "De mentor vraagt de stagecoördinator naar stageplaatsen in de ouderenzorg.",
            Who.MENTOR,
            today.plusWeeks(1),
            after));
    em.flush();
    booked.forEach(
        (slot, count) ->
            em.createQuery("update Slot s set s.booked = s.booked + :n where s.id = :id")
                .setParameter("n", count)
                .setParameter("id", slot.id())
                .executeUpdate());
  }

  private static Slot slot(
      EntityManager em, Course course, Person mentor, LocalDate day, int minute, Instant at) {
    Slot slot =
        new Slot(
            course,
            mentor,
            new SlotTime(
                day.atTime(LocalTime.MIDNIGHT.plusMinutes(minute)), 20, SlotTime.AMSTERDAM),
            LocationKind.ROOM,
            "lokaal B1.12",
            1,
            GUARD,
            at.minus(Duration.ofHours(1)));
    em.persist(slot);
    return slot;
  }

  private static void book(
      Meeting meeting, Slot slot, Who who, Instant at, Map<Slot, Integer> booked) {
    meeting
        .book(slot, who, at)
        .ifPresent(
            refused -> {
              throw new IllegalStateException("demo booking refused: " + refused);
            });
    booked.merge(slot, 1, Integer::sum);
  }

  private static Buddy buddy(EntityManager em, Person student, String name) {
    return em
        .createQuery("select b from Buddy b where b.student.id = :s", Buddy.class)
        .setParameter("s", student.id())
        .getResultList()
        .stream()
        .filter(b -> b.details().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no demo buddy " + name));
  }

  private static Duration days(int n) {
    return Duration.ofDays(n);
  }
}
