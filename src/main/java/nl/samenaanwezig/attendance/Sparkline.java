package nl.samenaanwezig.attendance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline-SVG trend line of weekly presence: the points of a polyline on a 100 x 24 box,
 * plus a text for screen readers. Weeks without lessons leave a gap in the text and are skipped.
 */
public record Sparkline(String points, String description, boolean empty) {

  public static Sparkline of(List<PresenceRate> weekly, String noLessonsText) {
    List<String> points = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int n = weekly.size();
    for (int i = 0; i < n; i++) {
      PresenceRate rate = weekly.get(i);
      if (rate.percent().isEmpty()) {
        labels.add(noLessonsText);
        continue;
      }
      int percent = rate.percent().getAsInt();
      double x = n == 1 ? 50 : i * 100.0 / (n - 1);
      double y = 22 - percent * 20.0 / 100;
      points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      labels.add(percent + "%");
    }
    return new Sparkline(String.join(" ", points), String.join(", ", labels), points.isEmpty());
  }
}
