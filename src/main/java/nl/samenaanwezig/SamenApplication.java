package nl.samenaanwezig;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import nl.samenaanwezig.admin.AdminResource;
import nl.samenaanwezig.admin.MentorGroupsResource;
import nl.samenaanwezig.api.ApiErrorFilter;
import nl.samenaanwezig.api.ApiTokenResource;
import nl.samenaanwezig.api.ApiTokens;
import nl.samenaanwezig.api.LessonApi;
import nl.samenaanwezig.api.OpenApiResource;
import nl.samenaanwezig.api.Problems;
import nl.samenaanwezig.attendance.CategoryChoices;
import nl.samenaanwezig.attendance.ClassFigures;
import nl.samenaanwezig.attendance.ClassPatterns;
import nl.samenaanwezig.attendance.ClassPatternsResource;
import nl.samenaanwezig.attendance.InstitutionPresence;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.LessonResource;
import nl.samenaanwezig.attendance.MentorGroups;
import nl.samenaanwezig.attendance.StudentAttendance;
import nl.samenaanwezig.attendance.calendar.CategoriesResource;
import nl.samenaanwezig.attendance.calendar.SchoolCalendarResource;
import nl.samenaanwezig.attendance.calendar.SchoolHolidays;
import nl.samenaanwezig.attendance.imports.ImportResource;
import nl.samenaanwezig.attendance.imports.MarkImport;
import nl.samenaanwezig.attendance.imports.UploadLimit;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.buddies.MyBuddiesResource;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.contacts.ContactLog;
import nl.samenaanwezig.contacts.GoodNews;
import nl.samenaanwezig.contacts.MentorAccess;
import nl.samenaanwezig.contacts.StudentBuddiesResource;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.demo.DemoPlatform;
import nl.samenaanwezig.demo.DemoResource;
import nl.samenaanwezig.home.ClassExportResource;
import nl.samenaanwezig.home.ClassResource;
import nl.samenaanwezig.home.IndexResource;
import nl.samenaanwezig.home.InstitutionPresenceResource;
import nl.samenaanwezig.home.MyPageResource;
import nl.samenaanwezig.home.StartResource;
import nl.samenaanwezig.infocard.CardPages;
import nl.samenaanwezig.infocard.CardPdf;
import nl.samenaanwezig.infocard.CardTexts;
import nl.samenaanwezig.infocard.ClassCardResource;
import nl.samenaanwezig.infocard.InfoCardResource;
import nl.samenaanwezig.infocard.InfoCards;
import nl.samenaanwezig.infocard.InstitutionCardResource;
import nl.samenaanwezig.infocard.MentorPhones;
import nl.samenaanwezig.infocard.PublicLinks;
import nl.samenaanwezig.lti.CsrfFilter;
import nl.samenaanwezig.lti.JwksResource;
import nl.samenaanwezig.lti.LaunchErrors;
import nl.samenaanwezig.lti.LaunchResource;
import nl.samenaanwezig.lti.LaunchValidator;
import nl.samenaanwezig.lti.Launches;
import nl.samenaanwezig.lti.LoginResource;
import nl.samenaanwezig.lti.LogoutResource;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.PlatformKeys;
import nl.samenaanwezig.lti.Platforms;
import nl.samenaanwezig.lti.SessionErrors;
import nl.samenaanwezig.lti.Sessions;
import nl.samenaanwezig.lti.ToolKeys;
import nl.samenaanwezig.lti.ags.AgsClient;
import nl.samenaanwezig.lti.ags.MeetingGrades;
import nl.samenaanwezig.lti.deeplinking.DeepLinkingResource;
import nl.samenaanwezig.lti.nrps.NrpsClient;
import nl.samenaanwezig.lti.nrps.RosterSync;
import nl.samenaanwezig.lti.registration.RegistrationResource;
import nl.samenaanwezig.lti.services.ServiceClient;
import nl.samenaanwezig.lti.services.ServiceHttp;
import nl.samenaanwezig.lti.services.ServiceTokens;
import nl.samenaanwezig.meetings.AfterTalkResource;
import nl.samenaanwezig.meetings.Background;
import nl.samenaanwezig.meetings.Bookings;
import nl.samenaanwezig.meetings.BuddyLinkResource;
import nl.samenaanwezig.meetings.BuddyLinks;
import nl.samenaanwezig.meetings.CampaignResource;
import nl.samenaanwezig.meetings.Campaigns;
import nl.samenaanwezig.meetings.LinkSigner;
import nl.samenaanwezig.meetings.MailSettings;
import nl.samenaanwezig.meetings.Mailer;
import nl.samenaanwezig.meetings.MeetingBook;
import nl.samenaanwezig.meetings.MeetingResource;
import nl.samenaanwezig.meetings.MyMeetingsResource;
import nl.samenaanwezig.meetings.MyTalks;
import nl.samenaanwezig.meetings.Notifications;
import nl.samenaanwezig.meetings.Outcomes;
import nl.samenaanwezig.meetings.PlannerResource;
import nl.samenaanwezig.meetings.Slots;
import nl.samenaanwezig.meetings.StudentMeetingsResource;
import nl.samenaanwezig.ops.HealthResource;
import nl.samenaanwezig.ops.MetricsResource;
import nl.samenaanwezig.ops.RouteTemplate;
import nl.samenaanwezig.ops.Telemetry;
import nl.samenaanwezig.privacy.AuditLog;
import nl.samenaanwezig.privacy.rights.Erasure;
import nl.samenaanwezig.privacy.rights.Exports;
import nl.samenaanwezig.privacy.rights.MyDataResource;
import nl.samenaanwezig.privacy.rights.PrivacyAdminResource;
import nl.samenaanwezig.privacy.rights.Retention;
import nl.samenaanwezig.privacy.rights.Students;
import nl.samenaanwezig.protocol.Acknowledgements;
import nl.samenaanwezig.protocol.ClassSignalsResource;
import nl.samenaanwezig.protocol.DuoResource;
import nl.samenaanwezig.protocol.Duties;
import nl.samenaanwezig.protocol.InstitutionSignalsResource;
import nl.samenaanwezig.protocol.OpenSignalsGauge;
import nl.samenaanwezig.protocol.ProtocolAdminResource;
import nl.samenaanwezig.protocol.ProtocolSettings;
import nl.samenaanwezig.protocol.SignalSnapshots;
import nl.samenaanwezig.protocol.Signals;
import nl.samenaanwezig.protocol.StudentResource;
import nl.samenaanwezig.web.BaseUrl;
import nl.samenaanwezig.web.BodyLimit;
import nl.samenaanwezig.web.ErrorPages;
import nl.samenaanwezig.web.Pages;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;

/** The JAX-RS application: its resources, and the one instance of each part they share. */
public final class SamenApplication extends ResourceConfig implements AutoCloseable {
  private final Platforms platforms;
  private final DemoPlatform demo;
  private final Sessions sessions;
  private final RosterSync rosterSync;
  private final Retention retention;
  private final SignalSnapshots signalSnapshots;
  private final Background meetingJobs;
  private final Notifications meetingMails;
  private final Telemetry telemetry;

  public SamenApplication(AppConfig config, Database db, Clock clock) {
    this(config, db, clock, MailSettings.fromEnvironment());
  }

  public SamenApplication(AppConfig config, Database db, Clock clock, MailSettings mail) {
    telemetry = new Telemetry(db);
    MeterRegistry metrics = telemetry.registry();
    platforms = new Platforms(db, clock);
    LessonRegister lessons = new LessonRegister(db, clock);
    demo = new DemoPlatform(config, platforms, db, lessons, clock);
    Pages pages = new Pages(demo.enabled());
    sessions = new Sessions(db, clock, config.sessionLifetime(), config.idleTimeout());
    PlatformKeys platformKeys = new PlatformKeys();
    ToolKeys toolKeys = new ToolKeys(db);
    toolKeys.signingKey();
    LaunchValidator validator = new LaunchValidator(platformKeys, clock);
    Launches launches = new Launches(db, validator, sessions, clock);
    BaseUrl baseUrl = new BaseUrl(config.publicBaseUrl());
    Memberships memberships = new Memberships(db);
    ClassFigures classFigures = new ClassFigures(db);
    ClassPatterns classPatterns = new ClassPatterns(db);
    ServiceHttp serviceHttp = new ServiceHttp(config.serviceTimeout());
    ServiceTokens serviceTokens = new ServiceTokens(toolKeys, serviceHttp, clock);
    ServiceClient serviceClient = new ServiceClient(serviceTokens, serviceHttp);
    rosterSync =
        new RosterSync(
            db,
            new NrpsClient(serviceClient, NrpsClient.Limits.DEFAULT),
            clock,
            config.rosterMaxAge(),
            metrics);
    launches.whenLaunched(rosterSync::launched);
    launches.whenLaunched(
        launched ->
            metrics
                .counter("samen.launches", "message_type", launched.launch().messageType())
                .increment());
    MeetingGrades meetingGrades =
        new MeetingGrades(db, new AgsClient(serviceClient, AgsClient.Limits.DEFAULT), clock);
    StudentAttendance studentAttendance = new StudentAttendance(db);
    ProtocolSettings protocolSettings = new ProtocolSettings(db, clock);
    Duties duties = new Duties(db, clock);
    Signals signals = new Signals(db, clock);
    new OpenSignalsGauge(db, clock, metrics);
    MentorGroups mentorGroups = new MentorGroups(db, clock);
    signalSnapshots = new SignalSnapshots(db, signals, clock);
    Acknowledgements acknowledgements = new Acknowledgements(db, clock);
    AuditLog auditLog = new AuditLog(db, clock);
    BuddyBook buddyBook = new BuddyBook(db, auditLog, clock);
    ContactLog contactLog = new ContactLog(db, buddyBook, auditLog, clock);
    MentorAccess mentorAccess = new MentorAccess(db, memberships);
    GoodNews goodNews = new GoodNews(db, buddyBook);
    InstitutionPresence institutionPresence = new InstitutionPresence(db);
    Exports exports = new Exports(db, auditLog, clock);
    Erasure erasure = new Erasure(db, auditLog, clock);
    retention = new Retention(db, erasure, clock, Retention.configuredMonths());
    Students students = new Students(db);
    MarkImport markImport = new MarkImport(db, memberships, clock);
    ApiTokens apiTokens = new ApiTokens(db, clock);
    CardTexts cardTexts = new CardTexts(db, clock);
    MentorPhones mentorPhones = new MentorPhones(db, clock);
    PublicLinks publicLinks = new PublicLinks(db, clock);
    InfoCards infoCards =
        new InfoCards(
            cardTexts, mentorPhones, publicLinks, protocolSettings, duties, memberships, buddyBook);
    CardPages cardPages = new CardPages(pages, new CardPdf());
    meetingJobs = new Background();
    LinkSigner linkSigner = LinkSigner.of(db, clock);
    meetingMails =
        new Notifications(
            db,
            buddyBook,
            auditLog,
            new Mailer(mail),
            linkSigner,
            mail,
            meetingJobs,
            clock,
            metrics);
    BuddyLinks buddyLinks = new BuddyLinks(db, buddyBook, linkSigner, clock);
    Bookings bookings = new Bookings(db, meetingMails, clock);
    Campaigns campaigns = new Campaigns(db, buddyBook, buddyLinks, bookings, meetingMails, clock);
    Slots slots = new Slots(db, clock);
    MeetingBook meetingBook = new MeetingBook(db, clock);
    Outcomes outcomes = new Outcomes(db, auditLog, meetingGrades, meetingJobs, clock);
    MyTalks myTalks = new MyTalks(db, clock);
    SchoolHolidays schoolHolidays = new SchoolHolidays(db);
    CategoryChoices categoryChoices = new CategoryChoices(db);
    // The institution's signal list counts school weeks and unexcused hours: evaluate it again.
    schoolHolidays.whenChanged(signalSnapshots::forget);
    categoryChoices.whenChanged(signalSnapshots::forget);

    register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(config).to(AppConfig.class);
            bind(db).to(Database.class);
            bind(clock).to(Clock.class);
            bind(pages).to(Pages.class);
            bind(platforms).to(Platforms.class);
            bind(sessions).to(Sessions.class);
            bind(platformKeys).to(PlatformKeys.class);
            bind(toolKeys).to(ToolKeys.class);
            bind(launches).to(Launches.class);
            bind(demo).to(DemoPlatform.class);
            bind(baseUrl).to(BaseUrl.class);
            bind(memberships).to(Memberships.class);
            bind(lessons).to(LessonRegister.class);
            bind(classFigures).to(ClassFigures.class);
            bind(classPatterns).to(ClassPatterns.class);
            bind(serviceTokens).to(ServiceTokens.class);
            bind(serviceClient).to(ServiceClient.class);
            bind(rosterSync).to(RosterSync.class);
            bind(meetingGrades).to(MeetingGrades.class);
            bind(studentAttendance).to(StudentAttendance.class);
            bind(protocolSettings).to(ProtocolSettings.class);
            bind(duties).to(Duties.class);
            bind(signals).to(Signals.class);
            bind(mentorGroups).to(MentorGroups.class);
            bind(signalSnapshots).to(SignalSnapshots.class);
            bind(acknowledgements).to(Acknowledgements.class);
            bind(auditLog).to(AuditLog.class);
            bind(buddyBook).to(BuddyBook.class);
            bind(contactLog).to(ContactLog.class);
            bind(mentorAccess).to(MentorAccess.class);
            bind(goodNews).to(GoodNews.class);
            bind(institutionPresence).to(InstitutionPresence.class);
            bind(exports).to(Exports.class);
            bind(erasure).to(Erasure.class);
            bind(retention).to(Retention.class);
            bind(students).to(Students.class);
            bind(markImport).to(MarkImport.class);
            bind(apiTokens).to(ApiTokens.class);
            bind(cardTexts).to(CardTexts.class);
            bind(mentorPhones).to(MentorPhones.class);
            bind(publicLinks).to(PublicLinks.class);
            bind(infoCards).to(InfoCards.class);
            bind(cardPages).to(CardPages.class);
            bind(buddyLinks).to(BuddyLinks.class);
            bind(meetingMails).to(Notifications.class);
            bind(bookings).to(Bookings.class);
            bind(campaigns).to(Campaigns.class);
            bind(slots).to(Slots.class);
            bind(meetingBook).to(MeetingBook.class);
            bind(outcomes).to(Outcomes.class);
            bind(myTalks).to(MyTalks.class);
            bind(telemetry).to(Telemetry.class);
            bind(metrics).to(MeterRegistry.class);
            bind(schoolHolidays).to(SchoolHolidays.class);
            bind(categoryChoices).to(CategoryChoices.class);
          }
        });
    register(
        new BodyLimit(pages)
            .path("lti/launch", Launches.MAX_BODY_BYTES)
            // The API and the import upload check their own (larger) limits.
            .except(
                r ->
                    r.getUriInfo().getPath().startsWith("api/")
                        || (r.getMediaType() != null
                            && r.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                            && r.getUriInfo().getPath().matches("class/[^/]+/import"))));
    register(new ErrorPages(pages));
    register(new LaunchErrors(pages, metrics));
    register(new SessionErrors(pages));
    register(new CsrfFilter(sessions, pages));
    register(MultiPartFeature.class);
    register(new Problems());
    register(new ApiErrorFilter());
    register(LoginResource.class);
    register(LaunchResource.class);
    register(LogoutResource.class);
    register(JwksResource.class);
    register(RegistrationResource.class);
    register(StartResource.class);
    register(DeepLinkingResource.class);
    register(ClassResource.class);
    register(MyPageResource.class);
    register(AdminResource.class);
    register(DemoResource.class);
    register(LessonResource.class);
    register(ClassPatternsResource.class);
    register(ClassExportResource.class);
    register(InstitutionPresenceResource.class);
    register(ClassSignalsResource.class);
    register(InstitutionSignalsResource.class);
    register(MentorGroupsResource.class);
    register(StudentResource.class);
    register(DuoResource.class);
    register(ProtocolAdminResource.class);
    register(MyBuddiesResource.class);
    register(StudentBuddiesResource.class);
    register(MyDataResource.class);
    register(PrivacyAdminResource.class);
    register(ImportResource.class);
    register(UploadLimit.class);
    register(ApiTokenResource.class);
    register(LessonApi.class);
    register(OpenApiResource.class);
    register(InfoCardResource.class);
    register(InstitutionCardResource.class);
    register(ClassCardResource.class);
    register(PlannerResource.class);
    register(MeetingResource.class);
    register(AfterTalkResource.class);
    register(CampaignResource.class);
    register(StudentMeetingsResource.class);
    register(MyMeetingsResource.class);
    register(BuddyLinkResource.class);
    register(new RouteTemplate());
    register(IndexResource.class);
    register(HealthResource.class);
    register(MetricsResource.class);
    register(SchoolCalendarResource.class);
    register(CategoriesResource.class);
  }

  Platforms platforms() {
    return platforms;
  }

  Sessions sessions() {
    return sessions;
  }

  Retention retention() {
    return retention;
  }

  /** The metrics, for the request timer and the scheduled jobs. */
  Telemetry telemetry() {
    return telemetry;
  }

  /** The institutions' signal lists, refreshed by the housekeeping schedule. */
  SignalSnapshots signalSnapshots() {
    return signalSnapshots;
  }

  /** The meeting mails, for the reminders of the housekeeping schedule. */
  Notifications meetingMails() {
    return meetingMails;
  }

  /** Stops the parts that own threads (the roster sync, demo seeding, the meetings' work). */
  @Override
  public void close() {
    rosterSync.close();
    demo.close();
    meetingJobs.close();
    telemetry.close();
  }
}
