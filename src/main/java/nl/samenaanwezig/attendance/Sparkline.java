package nl.samenaanwezig.attendance;

import java.util.ArrayList;
import java.util.List;

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
      points.add(oneDecimal(x) + "," + oneDecimal(y));
      labels.add(percent + "%");
    }
    return new Sparkline(String.join(" ", points), String.join(", ", labels), points.isEmpty());
  }

  /**
   * A coordinate with one decimal, as {@code String.format(Locale.ROOT, "%.1f", v)} writes it;
   * String.format parsed its pattern for every point of every row of the class page. Rounding half
   * up on tenths gives the same digits here: the coordinates are never near a half tenth (x is a
   * multiple of 100/(n-1), y of 0.2).
   */
  static String oneDecimal(double value) {
    long tenths = Math.round(Math.abs(value) * 10);
    String sign = value < 0 && tenths != 0 ? "-" : "";
    return sign + tenths / 10 + "." + tenths % 10;
  }
}
