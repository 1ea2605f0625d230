package nl.samenaanwezig.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The sparkline's points are written exactly as before, for every percent and week count. */
class SparklineTest {

  @Test
  void coordinatesAreWrittenAsFormatWritesThem() {
    for (int n = 1; n <= 20; n++) {
      for (int i = 0; i < n; i++) {
        double x = n == 1 ? 50 : i * 100.0 / (n - 1);
        assertEquals(String.format(Locale.ROOT, "%.1f", x), Sparkline.oneDecimal(x), "x=" + x);
      }
    }
    for (int percent = 0; percent <= 400; percent++) {
      double y = 22 - percent * 20.0 / 100;
      assertEquals(String.format(Locale.ROOT, "%.1f", y), Sparkline.oneDecimal(y), "y=" + y);
    }
  }

  @Test
  void pointsSkipWeeksWithoutLessons() {
    List<PresenceRate> weekly = new ArrayList<>();
    weekly.add(new PresenceRate(50, 100));
    weekly.add(PresenceRate.NONE);
    weekly.add(new PresenceRate(93, 100));
    Sparkline line = Sparkline.of(weekly, "geen lessen");
    assertEquals("0.0,12.0 100.0,3.4", line.points());
    assertEquals("50%, geen lessen, 93%", line.description());
  }
}
