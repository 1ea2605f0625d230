package nl.samenaanwezig.infocard;

import java.util.Locale;

/** The paper a card is printed on: A4 (the default) or A5, always one side. */
enum Paper {
  A4,
  A5;

  /** The paper of {@code ?size=}; empty means A4, anything else unknown is refused (null). */
  static Paper of(String size) {
    if (size == null || size.isBlank()) {
      return A4;
    }
    for (Paper p : values()) {
      if (p.name().equalsIgnoreCase(size.strip())) {
        return p;
      }
    }
    return null;
  }

  String param() {
    return name().toLowerCase(Locale.ROOT);
  }
}
