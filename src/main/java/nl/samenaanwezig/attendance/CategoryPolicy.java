package nl.samenaanwezig.attendance;

import java.util.EnumMap;
import java.util.Map;

/**
 * An institution's mapping of mark categories to excused (geoorloofd) or unexcused; categories it
 * did not configure, and those it may not choose ({@link MarkCategory#choosable()}), follow {@link
 * MarkCategory#excusedByDefault()}.
 */
public record CategoryPolicy(Map<MarkCategory, Boolean> excused) {

  public CategoryPolicy {
    EnumMap<MarkCategory, Boolean> full = new EnumMap<>(MarkCategory.class);
    for (MarkCategory c : MarkCategory.values()) {
      boolean chosen = c.choosable() && excused != null && excused.containsKey(c);
      full.put(c, chosen ? excused.get(c) : c.excusedByDefault());
    }
    excused = Map.copyOf(full);
  }

  public static CategoryPolicy defaults() {
    return new CategoryPolicy(Map.of());
  }

  public boolean isExcused(MarkCategory category) {
    return excused.get(category);
  }

  /**
   * Unexcused minutes of one mark: the whole lesson for an unexcused absence, the minutes missed
   * when late (lateness counts as unexcused absence, DOMAIN.md), nothing when excused.
   */
  public int unexcusedMinutes(MarkCategory category, int scheduled, int lateMinutes) {
    if (category == MarkCategory.PRESENT || isExcused(category)) {
      return 0;
    }
    return category == MarkCategory.LATE ? Math.min(lateMinutes, scheduled) : scheduled;
  }
}
