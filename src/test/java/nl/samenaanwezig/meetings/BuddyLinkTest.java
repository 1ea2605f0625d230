package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The buddy's personal link: no account, one meeting, the buddy's language; tampered or unknown
 * tokens are 404, expired, revoked or no longer consented links 410, each with a plain page.
 */
class BuddyLinkTest {
  static MeetingWorld world;
  static long slot;

  @BeforeAll
  static void start() {
    world = MeetingWorld.start();
    world.addSlots(
        Map.of(
            "weekday",
            "TUESDAY",
            "firstDay",
            MeetingWorld.mondayInTwoWeeks().plusDays(1).toString(),
            "from",
            "19:00"));
    slot = world.slotAt(MeetingWorld.mondayInTwoWeeks().plusDays(1).atTime(19, 0));
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  /** A 15-year-old whose mother (legal representative) wants mail in this language. */
  record Invited(Browser student, long studentId, long meetingId, String link) {}

  static Invited invited(String sub, String language) {
    Browser student = Buddies.student(world.platform, sub, "Sara", "de Wit");
    Buddies.enterBirthDate(student, world.tool, MeetingWorld.today().minusYears(15).toString());
    Buddies.add(
        student,
        world.tool,
        Map.of(
            "name",
            "Mina de Wit",
            "channel",
            "EMAIL",
            "email",
            sub + "-mother@example.nl",
            "language",
            language));
    long studentId = world.personId(sub);
    long meetingId = world.plan(studentId, "KENNISMAKING", null);
    world.awaitMailLog(meetingId, 2);
    List<jakarta.mail.internet.MimeMessage> mails = world.mailsTo(sub + "-mother@example.nl");
    return new Invited(student, studentId, meetingId, world.linkIn(mails.get(mails.size() - 1)));
  }

  @Test
  void theLinkOpensWithoutAnAccountInTheBuddysLanguage() {
    Invited i = invited("s-lang", "en");
    HttpResponse<String> page = new Browser().get(i.link());
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("lang=\"en\""), page.body());
    assertTrue(page.body().contains("Dear Mina de Wit,"), page.body());
    assertTrue(page.body().contains("Attendance: how is it going"), "attendance on the agenda");
    assertFalse(page.body().contains("name=\"csrf\""), "no session, no CSRF field");
    HttpResponse<String> dutch = new Browser().get(i.link() + "?lang=nl");
    assertTrue(dutch.body().contains("Beste Mina de Wit,"), dutch.body());
  }

  @Test
  void aBuddyWhoseLanguageWeHaveNoTextsInYetReadsDutchAndIsToldSo() {
    Invited i = invited("s-turkish", "tr");
    HttpResponse<String> page = new Browser().get(i.link());
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("lang=\"nl\""), page.body());
    assertTrue(page.body().contains("Deze pagina is er nog niet in het Turks."), page.body());
    assertTrue(page.body().contains("Beste Mina de Wit,"), page.body());
    String mail = MeetingWorld.text(world.mailsTo("s-turkish-mother@example.nl").get(0));
    assertTrue(mail.startsWith("Deze mail is er nog niet in het Turks."), mail);
    HttpResponse<String> english = new Browser().get(i.link() + "?lang=en");
    assertTrue(english.body().contains("Dear Mina de Wit,"), english.body());
    assertFalse(english.body().contains("not yet available"), english.body());
    invited("s-lang-nl", "nl");
    String dutchMail = MeetingWorld.text(world.mailsTo("s-lang-nl-mother@example.nl").get(0));
    assertFalse(dutchMail.contains("nog niet in het"), dutchMail);
  }

  @Test
  void theStudentsMailFollowsTheLanguageOfTheirLaunch() {
    Browser student = new Browser();
    student.follow(
        world
            .platform
            .launch()
            .person("s-english", "Amy", "Clark", List.of(Role.Lis.LEARNER.uri()))
            .claim(
                LtiClaims.LAUNCH_PRESENTATION,
                Map.of("document_target", "iframe", "locale", "en-GB"))
            .run(student));
    long meetingId = world.plan(world.personId("s-english"), "KENNISMAKING", null);
    world.awaitMailLog(meetingId, 1);
    jakarta.mail.internet.MimeMessage mail = world.mailsTo("s-english@school.example").get(0);
    assertTrue(MeetingWorld.subject(mail).startsWith("Invitation: "), MeetingWorld.subject(mail));
    assertTrue(MeetingWorld.text(mail).startsWith("Hi Amy Clark,"), MeetingWorld.text(mail));
  }

  @Test
  void aTamperedTokenIsNotFound() {
    Invited i = invited("s-tamper", "nl");
    String last = i.link().substring(i.link().length() - 1);
    String tampered = i.link().substring(0, i.link().length() - 1) + (last.equals("A") ? "B" : "A");
    assertUnknown(new Browser().get(tampered));
    String otherId = i.link().replaceFirst("/m/(\\d+)-", "/m/9$1-");
    assertUnknown(new Browser().get(otherId));
    String longer = i.link().replaceFirst("-(\\d+)-", "-$1" + "0-");
    assertUnknown(new Browser().get(longer));
    assertUnknown(new Browser().get(world.url("/m/not-a-token")));
    HttpResponse<String> posted =
        new Browser().postForm(tampered + "/book", Map.of("slot", String.valueOf(slot)));
    assertEquals(404, posted.statusCode());
    assertEquals(0, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", slot));
  }

  @Test
  void anExpiredLinkIsGone() {
    Invited i = invited("s-expired", "nl");
    long linkId = Long.parseLong(i.link().replaceFirst(".*/m/(\\d+)-.*", "$1"));
    Instant past = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    world.sql(
        "UPDATE meeting_link SET expires_at = ? WHERE id = ?",
        java.sql.Timestamp.from(past),
        linkId);
    String token = LinkSigner.of(world.tool.db(), Clock.systemUTC()).token(linkId, past);
    HttpResponse<String> gone = new Browser().get(world.url("/m/" + token));
    assertEquals(410, gone.statusCode());
    assertTrue(gone.body().contains("Deze link is verlopen."), gone.body());
    assertNamesNobody(gone);
    HttpResponse<String> booked =
        new Browser()
            .postForm(world.url("/m/" + token + "/book"), Map.of("slot", String.valueOf(slot)));
    assertEquals(410, booked.statusCode());
    assertEquals(0, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", slot));
    assertUnknown(new Browser().get(i.link()));
  }

  @Test
  void aRevokedLinkIsGoneAndTheRenewedOneWorks() {
    Invited i = invited("s-revoked", "nl");
    String meetingPage = world.url("/class/" + world.courseId + "/meetings/" + i.meetingId());
    long linkId = Long.parseLong(i.link().replaceFirst(".*/m/(\\d+)-.*", "$1"));
    HttpResponse<String> revoked =
        world.mentor.postForm(
            meetingPage + "/links/" + linkId + "/revoke",
            Map.of("csrf", ClassPages.csrf(world.mentor.get(meetingPage))));
    assertEquals(303, revoked.statusCode(), revoked.body());
    HttpResponse<String> gone = new Browser().get(i.link());
    assertEquals(410, gone.statusCode());
    assertTrue(gone.body().contains("Deze link is ingetrokken."), gone.body());
    assertNamesNobody(gone);

    long buddyId = world.tool.count("SELECT buddy_id FROM meeting_link WHERE id = ?", linkId);
    HttpResponse<String> renewed =
        world.mentor.postForm(
            meetingPage + "/links/renew",
            Map.of(
                "csrf",
                ClassPages.csrf(world.mentor.get(meetingPage)),
                "buddy",
                String.valueOf(buddyId)));
    assertEquals(303, renewed.statusCode(), renewed.body());
    world.awaitMailLog(i.meetingId(), 3);
    List<jakarta.mail.internet.MimeMessage> mails = world.mailsTo("s-revoked-mother@example.nl");
    String fresh = world.linkIn(mails.get(mails.size() - 1));
    assertFalse(fresh.equals(i.link()));
    assertEquals(200, new Browser().get(fresh).statusCode());
    assertEquals(410, new Browser().get(i.link()).statusCode());
  }

  @Test
  void aLinkStopsWhenTheStudentWithdrawsConsent() {
    Browser student = Buddies.student(world.platform, "s-consent", "Yara", "Bakker");
    Buddies.enterBirthDate(student, world.tool, MeetingWorld.today().minusYears(17).toString());
    long mother =
        Buddies.add(
            student,
            world.tool,
            Map.of("name", "Lotte Bakker", "channel", "EMAIL", "email", "lotte@example.nl"));
    Buddies.decide(student, world.tool, mother, "MEETING_INVITATIONS", "give");
    long meetingId = world.plan(world.personId("s-consent"), "KENNISMAKING", null);
    world.awaitMailLog(meetingId, 2);
    String link = world.linkIn(world.mailsTo("lotte@example.nl").get(0));
    assertEquals(200, new Browser().get(link).statusCode());
    Buddies.decide(student, world.tool, mother, "MEETING_INVITATIONS", "withdraw");
    HttpResponse<String> gone = new Browser().get(link);
    assertEquals(410, gone.statusCode());
    assertTrue(gone.body().contains("Deze link werkt niet meer."), gone.body());
  }

  /** A dead link's page tells whoever holds it only to ask the school: no mentor, no course. */
  private static void assertNamesNobody(HttpResponse<String> gone) {
    assertTrue(
        gone.body().contains("Neem contact op met de school als u een gesprek wilt."), gone.body());
    assertFalse(gone.body().contains("Jeroen Smits"), gone.body());
    assertFalse(gone.body().contains("Wiskunde 2B"), gone.body());
  }

  @Test
  void aBookingOrAnswerAfterConsentWasWithdrawnIsRefusedAndStoresNothing() {
    Browser student = Buddies.student(world.platform, "s-late-consent", "Iris", "Smit");
    Buddies.enterBirthDate(student, world.tool, MeetingWorld.today().minusYears(17).toString());
    long father =
        Buddies.add(
            student,
            world.tool,
            Map.of("name", "Kees Smit", "channel", "EMAIL", "email", "kees@example.nl"));
    Buddies.decide(student, world.tool, father, "MEETING_INVITATIONS", "give");
    long meetingId = world.plan(world.personId("s-late-consent"), "KENNISMAKING", null);
    world.awaitMailLog(meetingId, 2);
    String link = world.linkIn(world.mailsTo("kees@example.nl").get(0));
    Browser buddy = new Browser();
    assertEquals(200, buddy.get(link).statusCode());
    // The page is open in the buddy's browser while the student withdraws consent.
    Buddies.decide(student, world.tool, father, "MEETING_INVITATIONS", "withdraw");
    HttpResponse<String> booked =
        buddy.postForm(link + "/book", Map.of("slot", String.valueOf(slot)));
    assertEquals(410, booked.statusCode(), booked.body());
    assertNamesNobody(booked);
    assertEquals(0, world.tool.count("SELECT booked FROM meeting_slot WHERE id = ?", slot));
    HttpResponse<String> answered =
        buddy.postForm(link + "/unfit", Map.of("slot", "THURSDAY-EVENING", "note", "Later"));
    assertEquals(410, answered.statusCode());
    assertEquals(
        0, world.tool.count("SELECT COUNT(*) FROM meeting_answer WHERE meeting_id = ?", meetingId));
  }

  @Test
  void noneOfTheseTimesFitReachesTheMentor() {
    Invited i = invited("s-unfit", "nl");
    HttpResponse<String> answered =
        new Browser()
            .postForm(
                i.link() + "/unfit",
                Map.of("slot", "THURSDAY-EVENING", "note", "Ik werk tot acht uur."));
    assertEquals(303, answered.statusCode());
    assertTrue(new Browser().follow(answered).body().contains("De mentor zoekt een tijd die past"));
    String meetingPage =
        world
            .mentor
            .get(world.url("/class/" + world.courseId + "/meetings/" + i.meetingId()))
            .body();
    assertTrue(
        meetingPage.contains("Mina de Wit: donderdag: avond. Ik werk tot acht uur."), meetingPage);
    HttpResponse<String> empty = new Browser().postForm(i.link() + "/unfit", Map.of("note", ""));
    assertTrue(
        new Browser().follow(empty).body().contains("Kies minstens één dagdeel"), "nothing given");
    assertEquals(
        1,
        world.tool.count(
            "SELECT COUNT(*) FROM meeting_answer WHERE meeting_id = ?", i.meetingId()));
  }

  private static void assertUnknown(HttpResponse<String> page) {
    assertEquals(404, page.statusCode(), page.body());
    assertTrue(page.body().contains("Deze link kennen we niet."), page.body());
  }
}
