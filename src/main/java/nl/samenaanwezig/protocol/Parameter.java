package nl.samenaanwezig.protocol;

/** One threshold of a rule that an institution may change, with its default and allowed range. */
public record Parameter(String name, int defaultValue, int min, int max) {

  public boolean allows(int value) {
    return value >= min && value <= max;
  }
}
