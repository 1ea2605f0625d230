package nl.samenaanwezig.buddies;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.util.Set;
import nl.samenaanwezig.lti.Frame;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.lti.Session;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.privacy.Actor;
import nl.samenaanwezig.web.Pages;

/**
 * The student's own buddies ("mijn buddy's"): register, change and remove them, decide per topic
 * what the school may discuss with whom, and enter the date of birth the rules need. Only the
 * student's own data; another student's buddy is a 404.
 */
@Path("/me/buddies")
@Produces(MediaType.TEXT_HTML)
public class MyBuddiesResource {
  static final Set<String> NOTICES =
      Set.of(
          "buddy.notice.added",
          "buddy.notice.saved",
          "buddy.notice.removed",
          "consent.notice.given",
          "consent.notice.withdrawn",
          "profile.notice.saved");

  @Inject Sessions sessions;
  @Inject BuddyBook book;
  @Inject Pages pages;
  @Context HttpServletRequest request;

  /** One topic of one buddy as the student sees it. */
  public record TopicRow(
      String topic,
      String label,
      String text,
      boolean decided,
      boolean given,
      String status,
      String byLaw,
      boolean askNow) {}

  /** One buddy on the student's page. */
  public record Card(
      long id,
      String name,
      String relationship,
      String phone,
      String email,
      BuddyViews.Preferences preferences,
      String note,
      List<TopicRow> topics) {}

  @GET
  public String page(@QueryParam("notice") String notice) {
    Session session = student();
    return renderPage(session, notice != null && NOTICES.contains(notice) ? notice : null, null);
  }

  @POST
  @Path("birthdate")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response birthDate(@FormParam("dateOfBirth") String typed) {
    Session session = student();
    long me = session.person().id();
    Optional<LocalDate> date = BirthDate.parse(typed);
    String problem = null;
    if (date.isEmpty()) {
      problem = "profile.problem.date";
    } else if (!new BirthDate(date.get()).plausibleOn(book.today())) {
      problem = "profile.problem.range";
    } else if (!book.enterBirthDate(
        me, date.get(), StudentProfile.Source.STUDENT, Actor.student(me))) {
      problem = "profile.problem.locked";
    }
    if (problem != null) {
      return badRequest(renderPage(session, null, problem));
    }
    return seeOther("/me/buddies?notice=profile.notice.saved");
  }

  @GET
  @Path("new")
  public String newBuddy() {
    Session session = student();
    return renderForm(session, null, BuddyForm.empty());
  }

  @POST
  @Path("new")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(MultivaluedMap<String, String> posted) {
    Session session = student();
    BuddyForm form = BuddyForm.parse(posted);
    Optional<BuddyDetails> details = form.details();
    if (details.isEmpty()) {
      return badRequest(renderForm(session, null, form));
    }
    Buddy added = book.add(session.person(), details.get());
    return seeOther("/me/buddies?notice=buddy.notice.added#buddy-" + added.id());
  }

  @GET
  @Path("{buddyId}")
  public String edit(@PathParam("buddyId") long buddyId) {
    Session session = student();
    Buddy buddy = own(session, buddyId);
    return renderForm(session, buddy, BuddyForm.of(buddy.details()));
  }

  @POST
  @Path("{buddyId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response update(
      @PathParam("buddyId") long buddyId, MultivaluedMap<String, String> posted) {
    Session session = student();
    Buddy buddy = own(session, buddyId);
    BuddyForm form = BuddyForm.parse(posted);
    Optional<BuddyDetails> details = form.details();
    if (details.isEmpty()) {
      return badRequest(renderForm(session, buddy, form));
    }
    if (!book.update(session.person().id(), buddyId, details.get())) {
      throw new NotFoundException();
    }
    return seeOther("/me/buddies?notice=buddy.notice.saved#buddy-" + buddyId);
  }

  @POST
  @Path("{buddyId}/remove")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response remove(@PathParam("buddyId") long buddyId, @FormParam("confirm") String confirm) {
    Session session = student();
    Buddy buddy = own(session, buddyId);
    if (!"yes".equals(confirm)) {
      return badRequest(
          renderForm(session, buddy, BuddyForm.of(buddy.details()), "buddy.problem.confirm"));
    }
    if (!book.remove(session.person().id(), buddyId)) {
      throw new NotFoundException();
    }
    return seeOther("/me/buddies?notice=buddy.notice.removed");
  }

  @POST
  @Path("{buddyId}/consent")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response consent(
      @PathParam("buddyId") long buddyId,
      @FormParam("topic") String topicName,
      @FormParam("decision") String decision,
      @FormParam("version") String version) {
    Session session = student();
    own(session, buddyId);
    Optional<Topic> topic = topicOf(topicName);
    String problem = null;
    if (topic.isEmpty() || !("give".equals(decision) || "withdraw".equals(decision))) {
      problem = "consent.problem.choice";
    } else if (!ConsentTexts.CURRENT.equals(version)) {
      // The student read another text than the one in force: they must read it again.
      problem = "consent.problem.version";
    }
    if (problem != null) {
      return badRequest(renderPage(session, null, problem));
    }
    boolean given = "give".equals(decision);
    if (!book.recordConsent(
        session.person().id(), buddyId, topic.get(), given, version, session.locale())) {
      throw new NotFoundException();
    }
    return seeOther(
        "/me/buddies?notice="
            + (given ? "consent.notice.given" : "consent.notice.withdrawn")
            + "#buddy-"
            + buddyId);
  }

  private Session student() {
    Session session = sessions.require(request);
    if (!session.has(Role.STUDENT)) {
      throw new NotFoundException();
    }
    return session;
  }

  /** The student's own buddy, or the same 404 as a buddy that does not exist. */
  private Buddy own(Session session, long buddyId) {
    return book.buddyOf(session.person().id(), buddyId).orElseThrow(NotFoundException::new);
  }

  private static Optional<Topic> topicOf(String name) {
    try {
      return Optional.of(Topic.valueOf(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private String renderPage(Session session, String notice, String problem) {
    Locale locale = session.locale();
    long me = session.person().id();
    LocalDate today = book.today();
    BuddyBook.Overview overview = book.overview(me, today);
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    List<Card> cards = new ArrayList<>();
    for (BuddyBook.BuddyState state : overview.buddies()) {
      Buddy b = state.buddy();
      BuddyDetails d = b.details();
      List<TopicRow> topics = new ArrayList<>();
      for (Topic t : Topic.values()) {
        Optional<ConsentHistory.Entry> last = state.consents().lastOn(t, today);
        boolean given = last.map(ConsentHistory.Entry::given).orElse(false);
        Decision decision = state.decisions().get(t);
        String byLaw =
            switch (decision.reasonKey()) {
              case ContactRule.PARENT_UNDER_16 -> Pages.text(locale, "consent.byLaw.under16");
              case ContactRule.PARENT_DUTY -> Pages.text(locale, "consent.byLaw.duty");
              default -> null;
            };
        String status =
            last.isEmpty()
                ? Pages.text(locale, byLaw == null ? "consent.status.none" : "consent.status.open")
                : Pages.text(
                    locale,
                    given ? "consent.status.given" : "consent.status.withdrawn",
                    dates.format(last.get().day()));
        topics.add(
            new TopicRow(
                t.name(),
                Pages.text(locale, "topic." + t.name()),
                ConsentTexts.text(ConsentTexts.CURRENT, t, d.name(), locale),
                last.isPresent(),
                given,
                status,
                byLaw,
                decision.needsConsentAfterEighteen()));
      }
      cards.add(
          new Card(
              b.id(),
              d.name(),
              BuddyViews.relationship(b, locale),
              PhoneNumbers.display(d.phone()),
              d.email(),
              BuddyViews.preferences(d, locale),
              d.note(),
              topics));
    }
    Optional<StudentProfile> profile = book.profile(me);
    Map<String, Object> vars = Frame.of(session, "/me/buddies");
    vars.put("buddies", cards);
    vars.put("notice", notice);
    vars.put("problem", problem);
    vars.put("version", ConsentTexts.CURRENT);
    vars.put("birthDate", overview.birth().map(b -> dates.format(b.value())).orElse(null));
    vars.put("birthDateValue", overview.birth().map(b -> b.value().toString()).orElse(""));
    vars.put(
        "birthDateLocked",
        profile.flatMap(StudentProfile::birthDateSource).orElse(null)
            == StudentProfile.Source.ADMIN);
    vars.put("askAfterEighteen", overview.needsConsentAfterEighteen());
    vars.put("age", overview.age().map(Enum::name).orElse(null));
    return pages.render("buddies", locale, vars);
  }

  private String renderForm(Session session, Buddy buddy, BuddyForm form, String... extra) {
    Locale locale = session.locale();
    String path = buddy == null ? "/me/buddies/new" : "/me/buddies/" + buddy.id();
    Map<String, Object> vars = Frame.of(session, path);
    vars.put("action", path);
    vars.put("buddyId", buddy == null ? null : buddy.id());
    vars.put("buddyName", buddy == null ? null : buddy.name());
    vars.put("form", form);
    List<String> problems = new ArrayList<>(form.problems());
    problems.addAll(List.of(extra));
    vars.put("problems", problems);
    vars.put("relationships", Relationship.values());
    vars.put("channels", Channel.values());
    vars.put("languages", Language.values());
    vars.put("days", Availability.DAYS.stream().map(Enum::name).toList());
    vars.put("parts", Availability.Part.values());
    return pages.render("buddy-form", locale, vars);
  }

  private static Response seeOther(String location) {
    return Response.seeOther(URI.create(location)).build();
  }

  private static Response badRequest(String html) {
    return Response.status(400)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html)
        .build();
  }
}
