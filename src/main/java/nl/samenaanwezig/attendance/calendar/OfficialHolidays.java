package nl.samenaanwezig.attendance.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.samenaanwezig.attendance.SchoolCalendar;

/**
 * The official school holidays and national days off per region, read from the one data file {@code
 * calendar/official-holidays-nl.csv} (its header names the source).
 */
public final class OfficialHolidays {
  static final String RESOURCE = "/calendar/official-holidays-nl.csv";

  /** One line of the file; {@code region} null for every region. */
  record Entry(String schoolYear, Region region, SchoolCalendar.Holiday holiday) {}

  private static final List<Entry> ENTRIES = read();

  private OfficialHolidays() {}

  /** The region's holidays, first day first. */
  public static List<SchoolCalendar.Holiday> of(Region region) {
    Objects.requireNonNull(region, "a region");
    return ENTRIES.stream()
        .filter(e -> e.region() == null || e.region() == region)
        .map(Entry::holiday)
        .sorted((a, b) -> a.firstDay().compareTo(b.firstDay()))
        .toList();
  }

  /** The school years the file covers, e.g. "2025-2026". */
  public static List<String> schoolYears() {
    Set<String> years = new LinkedHashSet<>();
    ENTRIES.forEach(e -> years.add(e.schoolYear()));
    return List.copyOf(years);
  }

  static List<Entry> entries() {
    return ENTRIES;
  }

  private static List<Entry> read() {
    InputStream in = OfficialHolidays.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is missing");
    }
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(";", -1);
        if (f.length != 5) {
          throw new IllegalStateException(RESOURCE + ": not five fields: " + line);
        }
        Region region =
            "*".equals(f[1])
                ? null
                : Region.parse(f[1])
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + ": region " + f[1]));
        entries.add(
            new Entry(
                f[0],
                region,
                new SchoolCalendar.Holiday(LocalDate.parse(f[2]), LocalDate.parse(f[3]), f[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(entries);
  }
}
