package nl.samenaanwezig.protocol;

import java.time.LocalDate;

/** One student's day in one course as {@code presence_day} sums it up. */
public record Day(
    LocalDate date, int lessons, int scheduled, int attended, int unexcused, int sick, int luxury) {

  /**
   * Every lesson of the day missed without an excuse (lateness is attendance, so it breaks this).
   */
  public boolean fullyUnexcused() {
    return scheduled > 0 && attended == 0 && unexcused >= scheduled;
  }
}
