package nl.samenaanwezig.meetings;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

/**
 * The calendar file (.ics, RFC 5545 / iTIP RFC 5546) sent with a meeting mail: METHOD REQUEST for a
 * new or moved time, CANCEL when it is off; the time in Europe/Amsterdam with its VTIMEZONE, the
 * meeting's stable UID and a SEQUENCE that rises with every change.
 */
public final class CalendarInvite {
  static final String PRODUCT = "-//Samen Aanwezig//MOL-gesprekken//NL";

  private CalendarInvite() {}

  /** iTIP method. */
  public enum Method {
    REQUEST,
    CANCEL
  }

  /** Someone named in the invitation; {@code email} may not be empty. */
  public record Person(String name, String email) {
    public Person {
      Objects.requireNonNull(email, "a calendar address is an e-mail address");
    }
  }

  /** Everything one calendar file says. */
  public record Event(
      Method method,
      String uid,
      int sequence,
      SlotTime time,
      String summary,
      String description,
      String location,
      Person organizer,
      List<Person> attendees,
      Instant stamp) {
    public Event {
      Objects.requireNonNull(method);
      Objects.requireNonNull(uid, "a calendar entry has a UID");
      Objects.requireNonNull(time);
      attendees = List.copyOf(attendees);
    }
  }

  /** The file's text (CRLF line ends, folded as RFC 5545 3.1 asks). */
  public static String of(Event e) {
    VEvent event = new VEvent(e.time().zonedStart(), e.time().zonedEnd(), e.summary());
    event.add(new Uid(e.uid()));
    event.add(new Sequence(e.sequence()));
    event.replace(new DtStamp(e.stamp()));
    event.add(
        e.method() == Method.CANCEL
            ? ImmutableStatus.VEVENT_CANCELLED
            : ImmutableStatus.VEVENT_CONFIRMED);
    if (e.description() != null && !e.description().isBlank()) {
      event.add(new Description(e.description()));
    }
    if (e.location() != null && !e.location().isBlank()) {
      event.add(new Location(e.location()));
    }
    if (e.organizer() != null) {
      Organizer organizer = new Organizer(URI.create("mailto:" + e.organizer().email()));
      organizer.add(new Cn(e.organizer().name()));
      event.add(organizer);
    }
    for (Person p : e.attendees()) {
      Attendee attendee = new Attendee(URI.create("mailto:" + p.email()));
      attendee.add(new Cn(p.name()));
      event.add(attendee);
    }
    Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
    calendar.add(e.method() == Method.CANCEL ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    calendar.add(timeZone(e.time()));
    calendar.add(event);
    return calendar.toString();
  }

  /**
   * The VTIMEZONE for the event's zone. For Amsterdam the compact rule in force since 1996 (last
   * Sunday of March 02:00 to CEST, last Sunday of October 03:00 back to CET) under its own TZID;
   * ical4j's registry would name it after Brussels, where the tz database now links it.
   */
  static VTimeZone timeZone(SlotTime time) {
    if (!SlotTime.AMSTERDAM.equals(time.zone())) {
      return TimeZoneRegistryFactory.getInstance()
          .createRegistry()
          .getTimeZone(time.zone().getId())
          .getVTimeZone();
    }
    Standard winter = new Standard();
    winter.add(new DtStart<>(LocalDateTime.of(1996, 10, 27, 3, 0)));
    winter.add(new RRule<>("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
    winter.add(new TzOffsetFrom(ZoneOffset.ofHours(2)));
    winter.add(new TzOffsetTo(ZoneOffset.ofHours(1)));
    winter.add(new TzName("CET"));
    Daylight summer = new Daylight();
    summer.add(new DtStart<>(LocalDateTime.of(1996, 3, 31, 2, 0)));
    summer.add(new RRule<>("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    summer.add(new TzOffsetFrom(ZoneOffset.ofHours(1)));
    summer.add(new TzOffsetTo(ZoneOffset.ofHours(2)));
    summer.add(new TzName("CEST"));
    VTimeZone zone = new VTimeZone();
    zone.add(new TzId(time.zone().getId()));
    zone.add(winter);
    zone.add(summer);
    return zone;
  }
}
