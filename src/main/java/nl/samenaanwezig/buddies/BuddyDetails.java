package nl.samenaanwezig.buddies;

import java.util.Objects;

/**
 * Everything a student tells about one buddy, validated ({@link BuddyForm}): phone in E.164, e-mail
 * and note optional.
 */
public record BuddyDetails(
    String name,
    Relationship relationship,
    boolean legalRepresentative,
    String phone,
    String email,
    Channel channel,
    Language language,
    boolean plainLanguage,
    Availability availability,
    boolean shiftWork,
    String note) {

  public BuddyDetails {
    Objects.requireNonNull(name, "a buddy needs a name");
    Objects.requireNonNull(relationship, "a buddy needs a relationship");
    Objects.requireNonNull(phone, "a buddy needs a phone number");
    Objects.requireNonNull(channel, "a buddy needs a preferred channel");
    Objects.requireNonNull(language, "a buddy needs a language");
    Objects.requireNonNull(availability, "availability may be empty, not missing");
  }
}
