package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;

/**
 * The meetings tests' world: the tool with a GreenMail SMTP server (own port), a Moodle-like
 * platform, a mentor of course-1 signed in, and steps with valid defaults (a slot form, a family
 * with buddies, a campaign), each negative test changing one thing.
 */
final class MeetingWorld implements AutoCloseable {
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final String FROM = "Samen Aanwezig <mol@school.example>";

  final GreenMail mail;
  final ToolServer tool;
  final TestPlatform platform;
  final Browser mentor;
  final long courseId;

  private MeetingWorld() {
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    tool = ToolServer.startWith(MailSettings.smtp("127.0.0.1", mail.getSmtp().getPort(), FROM));
    platform = TestPlatform.start().registerWith(tool);
    mentor = Buddies.mentor(platform, "m-1", "Jeroen", "Smits");
    courseId = tool.count("SELECT id FROM course WHERE context_id = 'course-1'");
  }

  static MeetingWorld start() {
    return new MeetingWorld();
  }

  @Override
  public void close() {
    platform.close();
    tool.close();
    mail.stop();
  }

  static LocalDate today() {
    return LocalDate.now(AMSTERDAM);
  }

  /** The Monday of the week after next: always in the future, whatever day the tests run. */
  static LocalDate mondayInTwoWeeks() {
    return today().plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
  }

  long personId(String sub) {
    return tool.count("SELECT id FROM person WHERE subject = ?", sub);
  }

  String url(String path) {
    return tool.baseUrl() + path;
  }

  String planner() {
    return url("/class/" + courseId + "/meetings");
  }

  /** One evening talk, 19:00-19:20 on the Monday in two weeks, room B1.12, one place. */
  Map<String, String> slotForm(Map<String, String> changes) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", ClassPages.csrf(mentor.get(planner())));
    form.put("firstDay", mondayInTwoWeeks().toString());
    form.put("lastDay", "");
    form.put("from", "19:00");
    form.put("until", "");
    form.put("minutes", "20");
    form.put("breakMinutes", "0");
    form.put("location", "ROOM");
    form.put("details", "B1.12");
    form.put("capacity", "1");
    form.put("guardHours", "24");
    form.putAll(changes);
    form.values().removeIf(v -> v == null);
    return form;
  }

  HttpResponse<String> postSlots(Map<String, String> changes) {
    return mentor.postForm(planner() + "/slots", slotForm(changes));
  }

  /** Adds slots (must succeed) and returns the ids of the course's slots, soonest first. */
  List<Long> addSlots(Map<String, String> changes) {
    HttpResponse<String> added = postSlots(changes);
    assertEquals(303, added.statusCode(), added.body());
    return ids(
        "SELECT id FROM meeting_slot WHERE course_id = ? AND cancelled_at IS NULL"
            + " ORDER BY starts_at, id",
        courseId);
  }

  List<Long> ids(String sql, Object... args) {
    List<Long> ids = new ArrayList<>();
    try (var c = java.sql.DriverManager.getConnection(tool.config().dbUrl());
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return ids;
  }

  void sql(String sql, Object... args) {
    try (var c = java.sql.DriverManager.getConnection(tool.config().dbUrl());
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Starts (or tops up) the class's campaign of this kind; returns the campaign id. */
  long campaign(String kind) {
    String csrf = ClassPages.csrf(mentor.get(planner()));
    HttpResponse<String> started =
        mentor.postForm(planner() + "/campaigns", Map.of("csrf", csrf, "kind", kind));
    assertEquals(303, started.statusCode(), started.body());
    Matcher m =
        Pattern.compile("/campaigns/(\\d+)")
            .matcher(started.headers().firstValue("Location").orElseThrow());
    if (!m.find()) {
      throw new AssertionError(started.headers().firstValue("Location"));
    }
    return Long.parseLong(m.group(1));
  }

  /** The mentor invites one student for a talk, booking {@code slotId} when given. */
  long plan(long studentId, String kind, Long slotId) {
    String page = url("/class/" + courseId + "/students/" + studentId + "/meetings");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", ClassPages.csrf(mentor.get(page)));
    form.put("kind", kind);
    form.put("slot", slotId == null ? "" : String.valueOf(slotId));
    HttpResponse<String> planned = mentor.postForm(page, form);
    assertEquals(303, planned.statusCode(), planned.body());
    return meetingOf(studentId);
  }

  /** The id of the course's slot that starts at this wall-clock time. */
  long slotAt(java.time.LocalDateTime local) {
    List<Long> found =
        ids(
            "SELECT id FROM meeting_slot WHERE course_id = ? AND starts_local = ?",
            courseId,
            java.sql.Timestamp.valueOf(local));
    assertEquals(1, found.size(), "slots at " + local);
    return found.get(0);
  }

  long meetingOf(long studentId) {
    return tool.count(
        "SELECT MAX(id) FROM meeting WHERE student_id = ? AND course_id = ?", studentId, courseId);
  }

  /**
   * Waits until the mail log has at least {@code rows} lines for this meeting (mail goes out in the
   * background); fails after a minute.
   */
  void awaitMailLog(long meetingId, int rows) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (tool.count("SELECT COUNT(*) FROM meeting_mail WHERE meeting_id = ?", meetingId) < rows) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError(
            "mail log of meeting " + meetingId + " has fewer than " + rows + " lines");
      }
      pause();
    }
  }

  /** The messages GreenMail holds for one address. */
  List<MimeMessage> mailsTo(String address) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      try {
        for (var to : m.getRecipients(Message.RecipientType.TO)) {
          if (to.toString().contains(address)) {
            found.add(m);
          }
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text part of a mail. */
  static String text(MimeMessage m) {
    try {
      Object content = m.getContent();
      if (content instanceof String s) {
        return s;
      }
      Multipart parts = (Multipart) content;
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart p = parts.getBodyPart(i);
        if (p.isMimeType("text/plain")) {
          return (String) p.getContent();
        }
      }
      throw new AssertionError("no text part");
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The calendar attachment of a mail, parsed back by ical4j; empty when there is none. */
  static Optional<Calendar> ics(MimeMessage m) {
    try {
      if (!(m.getContent() instanceof Multipart parts)) {
        return Optional.empty();
      }
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart p = parts.getBodyPart(i);
        if (p.isMimeType("text/calendar")) {
          try (InputStream in = p.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(new CalendarBuilder().build(new StringReader(text)));
          }
        }
      }
      return Optional.empty();
    } catch (IOException | MessagingException | ParserException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The personal link in a buddy's mail. */
  String linkIn(MimeMessage m) {
    Matcher found =
        Pattern.compile(Pattern.quote(tool.baseUrl()) + "/m/[0-9]+-[0-9]+-[A-Za-z0-9_-]{43}")
            .matcher(text(m));
    if (!found.find()) {
      throw new AssertionError("no link in\n" + text(m));
    }
    return found.group();
  }

  static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
