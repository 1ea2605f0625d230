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
    List<MarkChange> attendanceChanges,
    LegalDuty legalDuty,
    List<AcknowledgementData> acknowledgements,
    List<MeetingData> meetings,
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

  /**
   * An earlier version of a mark: what it was and who registered that, how and when (empty where
   * that registration has a history row of its own, as first registrations had before V19), what it
   * became, who changed it, how and when.
   */
  public record MarkChange(
      LocalDate lessonDate,
      String course,
      String oldCategory,
      Integer oldLateMinutes,
      String newCategory,
      int newLateMinutes,
      String changedBy,
      String via,
      Instant at,
      String oldBy,
      String oldVia,
      Instant oldAt) {}

  /** The legal rules the protocol applies (DUO, RMC, none), as a mentor set them. */
  public record LegalDuty(String duty, String recordedBy, Instant recordedAt) {}

  /** A protocol signal a mentor handled: which rule and step, who, when, the note. */
  public record AcknowledgementData(
      long id,
      String course,
      String rule,
      int stepLevel,
      String by,
      Instant at,
      String note,
      LocalDate reportedOn) {}

  /** A MOL-gesprek with everything attached to it. */
  public record MeetingData(
      long id,
      String course,
      String kind,
      String status,
      String mentor,
      Instant startsAt,
      Integer durationMinutes,
      String locationKind,
      String locationDetails,
      String bookedBy,
      Instant bookedAt,
      Instant outcomeAt,
      LocalDate nextEvaluationOn,
      Instant createdAt,
      List<NoteData> notes,
      List<AgreementData> agreements,
      List<AnswerData> answers,
      List<LinkData> buddyLinks,
      List<MailData> mails) {}

  /**
   * A note after the talk; a confidential staff note in the student's own export is {@code
   * withheld}: its day and author are shown, its text is given by the administration (privacy.md).
   */
  public record NoteData(
      long id, String visibility, String body, boolean withheld, String author, Instant at) {}

  public record AgreementData(
      String body, String owner, LocalDate dueOn, Instant createdAt, Instant doneAt) {}

  /** "None of these times fit": when the student or a buddy can instead. */
  public record AnswerData(
      String answeredBy, String buddyName, String availability, String note, Instant at) {}

  /** A buddy's personal link to the meeting (the link itself is never stored). */
  public record LinkData(
      String buddyName,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant openedAt) {}

  /** A mail about the meeting: to whom, what, and whether it went out. */
  public record MailData(
      String kind,
      String recipientRole,
      String recipientName,
      String address,
      String subject,
      String status,
      String detail,
      Instant sentAt) {}

  /** One audit line: who (name when known), in which role, did what to which data. */
  public record AuditData(
      Instant at, String who, String role, String operation, String data, Long objectId) {}
}
