package nl.samenaanwezig.contacts;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.samenaanwezig.buddies.BirthDate;
import nl.samenaanwezig.buddies.Channel;
import nl.samenaanwezig.buddies.Topic;

/**
 * The "contact vastleggen" form as the mentor filled it in, with its problems; valid input becomes
 * an {@link Entry}. {@code with} is {@code student} or a buddy id.
 */
public record ContactForm(
    String with,
    String channel,
    String kind,
    String topic,
    String date,
    String summary,
    String followUp,
    List<String> problems) {

  public static final String STUDENT = "student";
  public static final int MAX_SUMMARY = 500;

  /** A checked contact: with whom ({@code buddyId} empty for the student) and the rest. */
  public record Entry(
      Optional<Long> buddyId,
      Channel channel,
      Contact.Kind kind,
      Topic topic,
      LocalDate date,
      String summary,
      LocalDate followUpOn) {}

  public static ContactForm empty(LocalDate today) {
    return new ContactForm(
        STUDENT,
        Channel.CALL.name(),
        Contact.Kind.GOOD_NEWS.name(),
        Topic.ATTENDANCE.name(),
        today.toString(),
        "",
        "",
        List.of());
  }

  /**
   * The empty form with what a link asked for (the class page's good-news nudge: a buddy or the
   * student, kind and topic); values that are no choice of the form are ignored.
   */
  public static ContactForm preset(LocalDate today, String with, String kind, String topic) {
    ContactForm empty = empty(today);
    return new ContactForm(
        with != null && (STUDENT.equals(with) || buddyId(with).isPresent()) ? with : empty.with,
        empty.channel,
        enumValue(Contact.Kind.class, kind).isPresent() ? kind : empty.kind,
        enumValue(Topic.class, topic).isPresent() ? topic : empty.topic,
        empty.date,
        "",
        "",
        List.of());
  }

  /** Reads and checks a posted form against today's date. */
  public static ContactForm parse(MultivaluedMap<String, String> form, LocalDate today) {
    ContactForm typed =
        new ContactForm(
            text(form, "with"),
            text(form, "channel"),
            text(form, "kind"),
            text(form, "topic"),
            text(form, "date"),
            text(form, "summary"),
            text(form, "followUp"),
            List.of());
    List<String> found = new ArrayList<>();
    if (!STUDENT.equals(typed.with) && buddyId(typed.with).isEmpty()) {
      found.add("contact.problem.with");
    }
    if (enumValue(Channel.class, typed.channel).isEmpty()) {
      found.add("contact.problem.channel");
    }
    if (enumValue(Contact.Kind.class, typed.kind).isEmpty()) {
      found.add("contact.problem.kind");
    }
    if (!STUDENT.equals(typed.with) && enumValue(Topic.class, typed.topic).isEmpty()) {
      found.add("contact.problem.topic");
    }
    Optional<LocalDate> date = BirthDate.parse(typed.date);
    if (date.isEmpty() || date.get().isAfter(today) || date.get().isBefore(today.minusYears(1))) {
      found.add("contact.problem.date");
    }
    if (typed.summary.isEmpty() || typed.summary.length() > MAX_SUMMARY) {
      found.add("contact.problem.summary");
    }
    if (!typed.followUp.isEmpty()) {
      Optional<LocalDate> follow = BirthDate.parse(typed.followUp);
      if (follow.isEmpty() || (date.isPresent() && follow.get().isBefore(date.get()))) {
        found.add("contact.problem.followUp");
      }
    }
    return new ContactForm(
        typed.with,
        typed.channel,
        typed.kind,
        typed.topic,
        typed.date,
        typed.summary,
        typed.followUp,
        List.copyOf(found));
  }

  /** The checked entry, when the form has no problems. */
  public Optional<Entry> entry() {
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    Optional<Long> buddy = STUDENT.equals(with) ? Optional.empty() : buddyId(with);
    return Optional.of(
        new Entry(
            buddy,
            Channel.valueOf(channel),
            Contact.Kind.valueOf(kind),
            buddy.isPresent() ? Topic.valueOf(topic) : null,
            BirthDate.parse(date).orElseThrow(),
            summary,
            followUp.isEmpty() ? null : BirthDate.parse(followUp).orElseThrow()));
  }

  private static Optional<Long> buddyId(String value) {
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String text(MultivaluedMap<String, String> form, String field) {
    String value = form.getFirst(field);
    return value == null ? "" : value.strip();
  }

  private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
    try {
      return Optional.of(Enum.valueOf(type, value));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
