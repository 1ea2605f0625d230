package nl.samenaanwezig.buddies;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The add/edit form for a buddy as the student typed it, with the problems found; valid input
 * becomes {@link BuddyDetails}. Kept as typed so the form can be shown again to correct.
 */
public record BuddyForm(
    String name,
    String relationship,
    boolean legalRepresentative,
    String phone,
    String email,
    String channel,
    String language,
    boolean plainLanguage,
    List<String> slots,
    boolean shiftWork,
    String note,
    List<String> problems) {

  public static final int MAX_NAME = 200;
  public static final int MAX_NOTE = 500;
  public static final int MAX_EMAIL = 320;

  // Deliberately simple: one @, a dot in the domain, no spaces or angle brackets.
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:.]{2,}$");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

  /** An empty form with the usual defaults (call, Dutch). */
  public static BuddyForm empty() {
    return new BuddyForm(
        "",
        "",
        false,
        "",
        "",
        Channel.CALL.name(),
        Language.NL.code(),
        false,
        List.of(),
        false,
        "",
        List.of());
  }

  /** The form filled with a buddy's stored details, for editing. */
  public static BuddyForm of(BuddyDetails d) {
    return new BuddyForm(
        d.name(),
        d.relationship().name(),
        d.legalRepresentative(),
        PhoneNumbers.display(d.phone()),
        d.email() == null ? "" : d.email(),
        d.channel().name(),
        d.language().code(),
        d.plainLanguage(),
        d.availability().sorted().stream().map(Availability.Slot::code).toList(),
        d.shiftWork(),
        d.note() == null ? "" : d.note(),
        List.of());
  }

  /** Reads and checks a posted form. */
  public static BuddyForm parse(MultivaluedMap<String, String> form) {
    List<String> slots = Optional.ofNullable(form.get("slot")).orElse(List.of());
    BuddyForm typed =
        new BuddyForm(
            text(form, "name"),
            text(form, "relationship"),
            checked(form, "legalRepresentative"),
            text(form, "phone"),
            text(form, "email"),
            text(form, "channel"),
            text(form, "language"),
            checked(form, "plainLanguage"),
            List.copyOf(slots),
            checked(form, "shiftWork"),
            text(form, "note"),
            List.of());
    return typed.withProblems(typed.check());
  }

  private List<String> check() {
    List<String> found = new ArrayList<>();
    if (name.isEmpty()) {
      found.add("buddy.problem.name");
    } else if (name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
      found.add("buddy.problem.nameLong");
    }
    if (enumValue(Relationship.class, relationship).isEmpty()) {
      found.add("buddy.problem.relationship");
    }
    if (PhoneNumbers.normalise(phone).isEmpty()) {
      found.add("buddy.problem.phone");
    }
    if (!email.isEmpty() && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
      found.add("buddy.problem.email");
    }
    Optional<Channel> chosen = enumValue(Channel.class, channel);
    if (chosen.isEmpty()) {
      found.add("buddy.problem.channel");
    } else if (chosen.get() == Channel.EMAIL && email.isEmpty()) {
      found.add("buddy.problem.channelEmail");
    }
    if (Language.of(language).isEmpty()) {
      found.add("buddy.problem.language");
    }
    if (!Availability.unknown(slots).isEmpty()) {
      found.add("buddy.problem.slot");
    }
    if (note.length() > MAX_NOTE || CONTROL.matcher(note).find()) {
      found.add("buddy.problem.note");
    }
    return found;
  }

  /** The validated details, when the form has no problems. */
  public Optional<BuddyDetails> details() {
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BuddyDetails(
            name,
            Relationship.valueOf(relationship),
            legalRepresentative,
            PhoneNumbers.normalise(phone).orElseThrow(),
            email.isEmpty() ? null : email,
            Channel.valueOf(channel),
            Language.of(language).orElseThrow(),
            plainLanguage,
            Availability.ofCodes(slots),
            shiftWork,
            note.isEmpty() ? null : note));
  }

  public boolean hasSlot(String code) {
    return slots.contains(code);
  }

  private BuddyForm withProblems(List<String> found) {
    return new BuddyForm(
        name,
        relationship,
        legalRepresentative,
        phone,
        email,
        channel,
        language,
        plainLanguage,
        slots,
        shiftWork,
        note,
        List.copyOf(found));
  }

  private static String text(MultivaluedMap<String, String> form, String field) {
    String value = form.getFirst(field);
    return value == null ? "" : value.strip();
  }

  private static boolean checked(MultivaluedMap<String, String> form, String field) {
    String value = form.getFirst(field);
    return value != null && !value.isEmpty();
  }

  private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
    try {
      return Optional.of(Enum.valueOf(type, value));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
