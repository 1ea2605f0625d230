package nl.samenaanwezig.lti.deeplinking;

import java.util.Locale;
import java.util.Optional;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;

/**
 * A page of the tool a teacher can place in a course as its own activity ("plek"). The placement
 * travels as custom parameter {@code placement} in the content item and comes back in every later
 * launch of that activity, where it chooses the page to open for the user's role.
 */
public enum Placement {
  /** Klasoverzicht: the mentor's class page; students get their own page instead. */
  CLASS_DASHBOARD(Role.MENTOR),
  /** Mijn aanwezigheid en buddy: the student's own page; mentors get the class page. */
  MY_PAGE(Role.STUDENT),
  /** MOL-planner: planning the mentor-ouder-leerling talks (MOL-gesprekken). */
  MOL_PLANNER(Role.MENTOR),
  /** Informatiekaart: the one-page card for home with the attendance rules and whom to call. */
  INFO_CARD(Role.MENTOR);

  /** The name of the custom parameter that carries the placement (LTI custom claim). */
  public static final String CUSTOM_PARAMETER = "placement";

  private final Role firstFor;

  Placement(Role firstFor) {
    this.firstFor = firstFor;
  }

  /** The value of the custom parameter, e.g. {@code mol_planner}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String titleKey() {
    return "placement." + id() + ".title";
  }

  public String textKey() {
    return "placement." + id() + ".text";
  }

  /** The placement a custom parameter names; unknown or empty values name none. */
  public static Optional<Placement> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (Placement p : values()) {
      if (p.id().equals(wanted)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The page this placement opens for a session: the class page for a mentor of the course (the
   * MOL-planner: the class's planner), the own page for a student (the MOL-planner: the student's
   * talks, where they book), and for someone who is both, the page the placement is first for. A
   * student never reaches a class page through a placement. The information card opens the course's
   * card for both.
   */
  public Optional<String> pathFor(Session session) {
    if (this == INFO_CARD) {
      // The card of the course, for mentors and students alike; its page checks membership.
      Optional<String> card =
          session
              .course()
              .filter(c -> session.has(Role.MENTOR) || session.has(Role.STUDENT))
              .map(c -> "/infocard/" + c.id());
      if (card.isPresent()) {
        return card;
      }
    }
    String classSuffix = this == MOL_PLANNER ? "/meetings" : "";
    String own = this == MOL_PLANNER ? "/me/meetings" : "/me";
    Optional<String> classPage =
        session
            .course()
            .filter(c -> session.has(Role.MENTOR))
            .map(c -> "/class/" + c.id() + classSuffix);
    Optional<String> ownPage = session.has(Role.STUDENT) ? Optional.of(own) : Optional.empty();
    return firstFor == Role.STUDENT ? ownPage.or(() -> classPage) : classPage.or(() -> ownPage);
  }
}
