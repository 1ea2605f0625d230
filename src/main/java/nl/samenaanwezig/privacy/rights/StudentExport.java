package nl.samenaanwezig.privacy.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the tool keeps about one student, for an access request (AVG art. 15): the same data
 * for the JSON download and the readable page. Who read or changed it is part of it (the audit
 * log), so the student sees who received their data.
 */
public record StudentExport(
    Instant exportedAt,
    Student student,
    Profile profile,
    List<Membership> memberships,
    List<BuddyData> buddies,
    List<ConsentData> consents,
    List<ContactData> contacts,
    List<MarkData> attendance,
    List<AuditData> auditLog) {

  /** The platform's data about the student. */
  public record Student(
      long id,
      String platform,
      String lmsUserId,
      String name,
      String givenName,
      String familyName,
      String email,
      Instant lastLaunchAt) {}

  /** The date of birth and who entered it (STUDENT or ADMIN). */
  public record Profile(LocalDate dateOfBirth, String enteredBy) {}

  public record Membership(String course, String roles, boolean active, Instant lastSeenAt) {}

  public record BuddyData(
      long id,
      String name,
      String relationship,
      boolean legalRepresentative,
      String phone,
      String email,
      String preferredChannel,
      String language,
      boolean plainLanguage,
      List<String> availability,
      boolean shiftWork,
      String note,
      Instant createdAt,
      Instant updatedAt,
      Instant removedAt) {}

  /** One consent decision with the text the student saw, in the language they saw it in. */
  public record ConsentData(
      long id,
      long buddyId,
      String buddyName,
      String topic,
      boolean given,
      LocalDate day,
      Instant at,
      String textVersion,
      String textLocale,
      String text) {}

  public record ContactData(
      long id,
      LocalDate date,
      String with,
      String channel,
      String kind,
      String topic,
      String summary,
      LocalDate followUpOn,
      String mentor,
      String course) {}

  /** One attendance mark (category, never a diagnosis). */
  public record MarkData(LocalDate date, String course, String category, int lateMinutes) {}

  /** One audit line: who (name when known), in which role, did what to which data. */
  public record AuditData(
      Instant at, String who, String role, String operation, String data, Long objectId) {}
}
