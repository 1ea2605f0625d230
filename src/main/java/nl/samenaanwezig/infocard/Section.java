package nl.samenaanwezig.infocard;

import java.util.Locale;

/**
 * A text block of the card that the school writes in its own words. The institution writes the
 * rules, how to report sick or late and where to go for help; a mentor may replace the reporting
 * text for one course and adds the class's own details.
 */
public enum Section {
  /** Afspraken over aanwezigheid. */
  RULES(600, true, false),
  /** Ziek of te laat: how, when and to whom. */
  REPORT(600, true, true),
  /** Zorgen of vragen: where parents and buddies go for help. */
  HELP(500, true, false),
  /** What only this class needs to know (the mentor's addition). */
  CLASS(400, false, true);

  private final int maxLength;
  private final boolean institution;
  private final boolean course;

  Section(int maxLength, boolean institution, boolean course) {
    this.maxLength = maxLength;
    this.institution = institution;
    this.course = course;
  }

  /** The value stored in {@code infocard_text.section} and the form field name. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Short enough that the whole card fits one printed side in large type. */
  public int maxLength() {
    return maxLength;
  }

  public boolean forInstitution() {
    return institution;
  }

  public boolean forCourse() {
    return course;
  }

  /** The product's starting text (Dutch and English), used until the school writes its own. */
  public String defaultKey() {
    return "infocard.default." + key();
  }
}
