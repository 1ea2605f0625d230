package nl.samenaanwezig.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import nl.samenaanwezig.web.Pages;

/**
 * What the institution-wide signal list shows: one rule or all, one class or all, and which page of
 * {@link #PAGE_SIZE} open signals. A large school has thousands of open signals on a day (every
 * third late arrival is one); the administrator works through them by rule or by class, and the
 * page renders only the signals it shows.
 *
 * @param rule the chosen rule, or empty for all
 * @param courseId the chosen class, or null for all
 * @param page the page, from 1
 */
record SignalFilter(Optional<Rule> rule, Long courseId, int page) {
  static final int PAGE_SIZE = 50;

  /** Thrown for a value that is not one of the choices offered. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** The filter of a request's {@code rule}, {@code course} and {@code page}; blank means all. */
  static SignalFilter parse(String rule, String course, String page) {
    Optional<Rule> chosenRule = Optional.empty();
    if (rule != null && !rule.isBlank()) {
      try {
        chosenRule = Optional.of(Rule.valueOf(rule.strip()));
      } catch (IllegalArgumentException e) {
        throw new Invalid();
      }
    }
    Long chosenCourse = null;
    if (course != null && !course.isBlank()) {
      chosenCourse = positive(course);
    }
    int chosenPage = 1;
    if (page != null && !page.isBlank()) {
      long p = positive(page);
      if (p > Integer.MAX_VALUE) {
        throw new Invalid();
      }
      chosenPage = (int) p;
    }
    return new SignalFilter(chosenRule, chosenCourse, chosenPage);
  }

  private static long positive(String value) {
    try {
      long n = Long.parseLong(value.strip());
      if (n < 1) {
        throw new Invalid();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Invalid();
    }
  }

  boolean matches(Signal s) {
    return rule.map(r -> s.rule() == r).orElse(true)
        && (courseId == null || courseId == s.courseId());
  }

  /** One choice in a select: its value, its words, whether it is the current one. */
  record Option(String value, String label, boolean selected) {}

  /** A link to another page of the list. */
  record PageLink(String href, String label) {}

  /** Everything the page needs from the filter. */
  record View(
      boolean filtered,
      List<Option> rules,
      List<Option> courses,
      int first,
      int last,
      int total,
      PageLink previous,
      PageLink next,
      int handledHidden,
      String csvHref) {}

  /**
   * Applies the filter to the day's signals: the open signals of this page in working order and the
   * handled ones (at most a page of them), plus the choices with their counts of open signals.
   */
  Result apply(List<Signal> all, LongFunction<String> courseTitle, Locale locale) {
    List<Signal> chosen = all.stream().filter(this::matches).toList();
    List<Signal> open = new ArrayList<>(chosen.stream().filter(Signal::open).toList());
    open.sort(SignalList.WORK_ORDER);
    List<Signal> handled =
        chosen.stream().filter(s -> !s.open()).sorted(SignalList.WORK_ORDER).toList();
    // A page past the end (the list got shorter since the link was made) shows the last one.
    int current = Math.min(page, Math.max(1, (open.size() + PAGE_SIZE - 1) / PAGE_SIZE));
    int from = (current - 1) * PAGE_SIZE;
    int to = Math.min(open.size(), from + PAGE_SIZE);
    List<Signal> shown = new ArrayList<>(open.subList(from, to));
    shown.addAll(handled.subList(0, Math.min(handled.size(), PAGE_SIZE)));

    Map<Rule, Long> perRule = new EnumMap<>(Rule.class);
    Map<Long, Long> perCourse = new TreeMap<>();
    for (Signal s : all) {
      if (!s.open()) {
        continue;
      }
      if (courseId == null || courseId == s.courseId()) {
        perRule.merge(s.rule(), 1L, Long::sum);
      }
      if (rule.map(r -> s.rule() == r).orElse(true)) {
        perCourse.merge(s.courseId(), 1L, Long::sum);
      }
    }
    List<Option> rules = new ArrayList<>();
    long allRules = perRule.values().stream().mapToLong(Long::longValue).sum();
    rules.add(
        new Option("", Pages.text(locale, "signals.filter.rule.all", allRules), rule.isEmpty()));
    for (Rule r : Rule.values()) {
      rules.add(
          new Option(
              r.name(),
              Pages.text(
                  locale,
                  "signals.filter.count",
                  Pages.text(locale, "protocol." + r.name().toLowerCase(Locale.ROOT) + ".name"),
                  perRule.getOrDefault(r, 0L)),
              rule.map(x -> x == r).orElse(false)));
    }
    if (courseId != null) {
      perCourse.putIfAbsent(courseId, 0L);
    }
    List<Option> courses = new ArrayList<>();
    courses.add(
        new Option(
            "",
            Pages.text(locale, "signals.filter.course.all", perCourse.size()),
            courseId == null));
    perCourse.entrySet().stream()
        .map(
            e ->
                new Option(
                    String.valueOf(e.getKey()),
                    Pages.text(
                        locale,
                        "signals.filter.count",
                        courseTitle.apply(e.getKey()),
                        e.getValue()),
                    courseId != null && courseId.equals(e.getKey())))
        .sorted(Comparator.comparing(Option::label, String.CASE_INSENSITIVE_ORDER))
        .forEach(courses::add);

    PageLink previous =
        current > 1
            ? new PageLink(
                href(current - 1), Pages.text(locale, "signals.page.previous", PAGE_SIZE))
            : null;
    PageLink next =
        to < open.size()
            ? new PageLink(href(current + 1), Pages.text(locale, "signals.page.next", PAGE_SIZE))
            : null;
    View view =
        new View(
            rule.isPresent() || courseId != null,
            rules,
            courses,
            open.isEmpty() ? 0 : from + 1,
            to,
            open.size(),
            previous,
            next,
            Math.max(0, handled.size() - PAGE_SIZE),
            csvHref());
    return new Result(shown, view);
  }

  /** The signals to show and what the page says about the filter. */
  record Result(List<Signal> shown, View view) {}

  private String href(int toPage) {
    return "/admin/signals?" + query(toPage);
  }

  /** The spreadsheet of every signal this filter chooses. */
  private String csvHref() {
    String query = query(0);
    return "/admin/signals/csv" + (query.isEmpty() ? "" : "?" + query);
  }

  private String query(int toPage) {
    Map<String, String> query = new java.util.LinkedHashMap<>();
    rule.ifPresent(r -> query.put("rule", r.name()));
    if (courseId != null) {
      query.put("course", String.valueOf(courseId));
    }
    if (toPage > 0) {
      query.put("page", String.valueOf(toPage));
    }
    return query.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }
}
