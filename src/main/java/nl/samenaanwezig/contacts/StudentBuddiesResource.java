package nl.samenaanwezig.contacts;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.buddies.Buddy;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.BuddyDetails;
import nl.samenaanwezig.buddies.BuddyViews;
import nl.samenaanwezig.buddies.Channel;
import nl.samenaanwezig.buddies.Decision;
import nl.samenaanwezig.buddies.PhoneNumbers;
import nl.samenaanwezig.buddies.Topic;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.privacy.AuditEvent.DataKind;
import nl.samenaanwezig.privacy.AuditEvent.Operation;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.web.Pages;

/**
 * The mentor's view of one student's buddies: per buddy and topic whether contact is allowed today
 * and why, their preferences first, tap-to-call only where allowed; and the contact log with its
 * form. Every view is written to the audit log.
 */
@Path("/class/{courseId}/students/{personId}/buddies")
@Produces(MediaType.TEXT_HTML)
public class StudentBuddiesResource {
  @Inject Sessions sessions;
  @Inject MentorAccess access;
  @Inject BuddyBook book;
  @Inject ContactLog contacts;
  @Inject AuditLog audit;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** One topic of a buddy: allowed or not, and why in plain words. */
  public record TopicLine(String label, boolean allowed, String reason) {}

  /** One buddy as the mentor sees it; contact details only when some contact is allowed. */
  public record Card(
      long id,
      String name,
      String relationship,
      BuddyViews.Preferences preferences,
      String note,
      boolean reachable,
      boolean needsConsent,
      String phone,
      String phoneHref,
      String smsHref,
      String email,
      List<TopicLine> topics) {}

  /** One line of the contact log. */
  public record ContactLine(
      String date,
      String with,
      String channel,
      String kind,
      String topic,
      String summary,
      String followUp,
      String mentor) {}

  @GET
  public String page(
      @PathParam("courseId") long courseId,
      @PathParam("personId") long personId,
      @QueryParam("saved") String saved,
      @QueryParam("with") String with,
      @QueryParam("kind") String kind,
      @QueryParam("topic") String topic) {
    Session session = sessions.require(request);
    MentorAccess.Granted granted = access.require(session, courseId, personId);
    return render(
        session,
        granted,
        ContactForm.preset(book.today(), with, kind, topic),
        saved != null,
        null,
        List.of());
  }

  @POST
  @Path("contacts")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response record(
      @PathParam("courseId") long courseId,
      @PathParam("personId") long personId,
      MultivaluedMap<String, String> posted) {
    Session session = sessions.require(request);
    MentorAccess.Granted granted = access.require(session, courseId, personId);
    ContactForm form = ContactForm.parse(posted, book.today());
    Optional<ContactForm.Entry> entry = form.entry();
    if (entry.isEmpty()) {
      return badRequest(render(session, granted, form, false, null, form.problems()));
    }
    ContactLog.Outcome outcome =
        contacts.record(courseId, session.person().id(), personId, entry.get());
    if (outcome instanceof ContactLog.Outcome.Refused refused) {
      String reason =
          Pages.text(
              session.locale(), "contact.refused", refused.decision().reason(session.locale()));
      return badRequest(render(session, granted, form, false, reason, List.of()));
    }
    if (outcome instanceof ContactLog.Outcome.UnknownBuddy) {
      return badRequest(
          render(session, granted, form, false, null, List.of("contact.problem.with")));
    }
    return Response.seeOther(
            URI.create("/class/" + courseId + "/students/" + personId + "/buddies?saved=1#log"))
        .build();
  }

  private String render(
      Session session,
      MentorAccess.Granted granted,
      ContactForm form,
      boolean saved,
      String refusal,
      List<String> problems) {
    Locale locale = session.locale();
    long studentId = granted.student().id();
    long mentorId = session.person().id();
    LocalDate today = book.today();
    BuddyBook.Overview overview = book.overview(studentId, today);
    List<Contact> log = contacts.about(studentId);
    for (DataKind kind : List.of(DataKind.BUDDY, DataKind.CONSENT, DataKind.CONTACT)) {
      audit.record(Actor.mentor(mentorId), studentId, Operation.READ, kind, null);
    }
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    List<Card> cards = new ArrayList<>();
    for (BuddyBook.BuddyState state : overview.buddies()) {
      Buddy b = state.buddy();
      BuddyDetails d = b.details();
      List<TopicLine> topics = new ArrayList<>();
      for (Topic t : Topic.values()) {
        Decision decision = state.decisions().get(t);
        topics.add(
            new TopicLine(
                Pages.text(locale, "topic." + t.name()),
                decision.allowed(),
                decision.reason(locale)));
      }
      boolean reachable = state.reachable();
      cards.add(
          new Card(
              b.id(),
              d.name(),
              BuddyViews.relationship(b, locale),
              BuddyViews.preferences(d, locale),
              d.note(),
              reachable,
              state.needsConsentAfterEighteen(),
              reachable ? PhoneNumbers.display(d.phone()) : null,
              reachable ? "tel:" + d.phone() : null,
              reachable && d.channel() == Channel.SMS_WHATSAPP ? "sms:" + d.phone() : null,
              reachable ? d.email() : null,
              topics));
    }
    List<ContactLine> lines = new ArrayList<>();
    for (Contact c : log) {
      lines.add(
          new ContactLine(
              dates.format(c.contactDate()),
              c.buddy().map(Buddy::name).orElse(Pages.text(locale, "contact.withStudent")),
              Pages.text(locale, "channel." + c.channel().name()),
              Pages.text(locale, "contact.kind." + c.kind().name()),
              c.topic().map(t -> Pages.text(locale, "topic." + t.name())).orElse(null),
              c.summary(),
              c.followUpOn().map(dates::format).orElse(null),
              c.mentor().displayName()));
    }
    Optional<LocalDate> lastGoodNews =
        log.stream()
            .filter(c -> c.kind() == Contact.Kind.GOOD_NEWS)
            .map(Contact::contactDate)
            .findFirst();
    Map<String, Object> vars =
        Frame.of(
            session, "/class/" + granted.course().id() + "/students/" + studentId + "/buddies");
    vars.put("courseId", granted.course().id());
    vars.put("courseTitle", granted.course().displayTitle());
    vars.put("studentId", studentId);
    vars.put("studentName", granted.student().displayName());
    vars.put("age", overview.age().map(a -> "age." + a.name()).orElse("age.unknown"));
    vars.put("needsConsent", overview.needsConsentAfterEighteen());
    vars.put("buddies", cards);
    vars.put("contacts", lines);
    vars.put("lastGoodNews", lastGoodNews.map(dates::format).orElse(null));
    vars.put("form", form);
    vars.put("saved", saved);
    vars.put("refusal", refusal);
    vars.put("problems", problems);
    vars.put("channels", Channel.values());
    vars.put("kinds", Contact.Kind.values());
    vars.put("topics", Topic.values());
    vars.put("today", today.toString());
    return pages.render("student-buddies", locale, vars);
  }

  private static Response badRequest(String html) {
    return Response.status(400)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html)
        .build();
  }
}
