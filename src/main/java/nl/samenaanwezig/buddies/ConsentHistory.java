package nl.samenaanwezig.buddies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All consent decisions of a student about one buddy, oldest first. On a day, the last decision
 * made on or before that day counts: a withdrawal takes effect for the whole day it was made.
 */
public record ConsentHistory(List<Entry> entries) {

  /** One decision: consent given (or withdrawn) for a topic on a day, after reading a text. */
  public record Entry(Topic topic, boolean given, LocalDate day, Instant at, String textVersion) {
    public Entry {
      Objects.requireNonNull(topic);
      Objects.requireNonNull(day);
      Objects.requireNonNull(at);
    }
  }

  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::day).thenComparing(Entry::at);

  public ConsentHistory {
    entries = entries.stream().sorted(ORDER).toList();
  }

  public static ConsentHistory none() {
    return new ConsentHistory(List.of());
  }

  /** The decision in force for a topic on a day, if the student decided anything by then. */
  public Optional<Entry> lastOn(Topic topic, LocalDate day) {
    Entry last = null;
    for (Entry e : entries) {
      if (e.topic() == topic && !e.day().isAfter(day)) {
        last = e;
      }
    }
    return Optional.ofNullable(last);
  }

  /** True when consent for the topic is in force on the day. */
  public boolean allows(Topic topic, LocalDate day) {
    return lastOn(topic, day).map(Entry::given).orElse(false);
  }

  /** The history with one more decision. */
  public ConsentHistory with(Entry entry) {
    List<Entry> more = new java.util.ArrayList<>(entries);
    more.add(entry);
    return new ConsentHistory(more);
  }
}
