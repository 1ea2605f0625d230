package nl.samenaanwezig.meetings;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Where a talk takes place; the details say which room, which number or which video link. */
public enum LocationKind {
  /** A room at school; details: the room. */
  ROOM,
  /** By phone; details (optional): who calls whom, or the number. */
  PHONE,
  /** A video call; details: the https link. */
  VIDEO,
  /** A home visit; details (optional): a note. The address stays with the family. */
  HOME_VISIT;

  public static Optional<LocationKind> of(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The problem's message key when these details do not fit this kind, else empty. */
  public Optional<String> problemWith(String details) {
    String d = details == null ? "" : details.strip();
    if (d.length() > 300) {
      return Optional.of("slot.problem.detailsLength");
    }
    if (this == ROOM && d.isEmpty()) {
      return Optional.of("slot.problem.room");
    }
    if (this == VIDEO && !isHttpsLink(d)) {
      return Optional.of("slot.problem.video");
    }
    return Optional.empty();
  }

  private static boolean isHttpsLink(String value) {
    try {
      URI uri = URI.create(value);
      return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public String key() {
    return "meeting.location." + name();
  }
}
