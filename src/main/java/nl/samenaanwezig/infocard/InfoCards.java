package nl.samenaanwezig.infocard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.samenaanwezig.buddies.BuddyBook;
import nl.samenaanwezig.lti.Course;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Memberships;
import nl.samenaanwezig.lti.Person;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.protocol.Duties;
import nl.samenaanwezig.protocol.Protocol;
import nl.samenaanwezig.protocol.ProtocolSettings;
import nl.samenaanwezig.protocol.ProtocolStep;
import nl.samenaanwezig.protocol.Rule;
import nl.samenaanwezig.protocol.RuleSetting;
import nl.samenaanwezig.protocol.StepText;
import nl.samenaanwezig.web.Pages;

/**
 * Puts a card together from what the school wrote, the mentors of the course and the institution's
 * verzuimprotocol as it is configured today, so the protocol is never typed twice.
 */
public final class InfoCards {
  static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

  private final CardTexts texts;
  private final MentorPhones phones;
  private final PublicLinks links;
  private final ProtocolSettings protocols;
  private final Duties duties;
  private final Memberships memberships;
  private final BuddyBook buddies;

  public InfoCards(
      CardTexts texts,
      MentorPhones phones,
      PublicLinks links,
      ProtocolSettings protocols,
      Duties duties,
      Memberships memberships,
      BuddyBook buddies) {
    this.texts = texts;
    this.phones = phones;
    this.links = links;
    this.protocols = protocols;
    this.duties = duties;
    this.memberships = memberships;
    this.buddies = buddies;
  }

  /**
   * Whose card: the institution, the course (null for the administrator's preview), the student for
   * a family's own printed card (null for the class card), and the base URL for the QR code (null:
   * no code).
   */
  public record Target(
      long institutionId, String school, Course course, Person student, String baseUrl) {}

  /** The languages a card exists in: Dutch, English, and each the school wrote texts in. */
  public List<CardLanguage> languages(long institutionId) {
    return texts.languages(institutionId).stream().map(CardTexts.LanguageStatus::language).toList();
  }

  /**
   * The language a student reads their own card in: their platform language (LTI locale) when the
   * card exists in it, else Dutch.
   */
  public CardLanguage languageFor(Person student, long institutionId) {
    return CardLanguage.of(student.locale())
        .filter(languages(institutionId)::contains)
        .orElse(CardLanguage.NL);
  }

  /**
   * The language each student's printed card goes home in: the language their first buddy prefers,
   * else the student's own, else Dutch; always one the card exists in.
   */
  public Map<Long, CardLanguage> familyLanguages(Course course, long institutionId) {
    List<CardLanguage> available = languages(institutionId);
    Map<Long, nl.samenaanwezig.buddies.Language> buddyLanguages =
        buddies.firstBuddyLanguages(course.id());
    Map<Long, CardLanguage> result = new java.util.HashMap<>();
    for (Member m : memberships.members(course, Role.STUDENT)) {
      Person student = m.person();
      CardLanguage language =
          Optional.ofNullable(buddyLanguages.get(student.id()))
              .flatMap(l -> CardLanguage.of(l.code()))
              .filter(available::contains)
              .or(() -> CardLanguage.of(student.locale()).filter(available::contains))
              .orElse(CardLanguage.NL);
      result.put(student.id(), language);
    }
    return result;
  }

  public InfoCard card(Target target, CardLanguage language) {
    Sources sources = new Sources(target, language);
    List<InfoCard.Block> blocks = new ArrayList<>();
    blocks.add(block("rules", sources.label(Label.RULES), sources.section(Section.RULES)));
    blocks.add(block("report", sources.label(Label.REPORT), sources.section(Section.REPORT)));
    blocks.add(
        new InfoCard.Block(
            "mentor",
            sources.label(Label.MENTOR),
            null,
            List.of(),
            mentors(target, language),
            sources.label(Label.PHONE),
            sources.section(Section.CLASS)));
    blocks.add(
        new InfoCard.Block(
            "protocol",
            sources.label(Label.PROTOCOL),
            null,
            steps(target, sources),
            List.of(),
            null,
            null));
    blocks.add(block("help", sources.label(Label.HELP), sources.section(Section.HELP)));

    InfoCard.Text changedLabel = sources.label(Label.CHANGED);
    InfoCard.Text scanLabel = sources.label(Label.SCAN);
    String publicUrl = null;
    String qr = null;
    if (target.baseUrl() != null && target.course() != null) {
      publicUrl =
          target.baseUrl()
              + "/infocard/public/"
              + links.tokenOf(target.course().id(), null)
              + "?lang="
              + language.tag();
      qr = QrCode.svg(publicUrl, scanLabel.text());
    }
    Optional<Instant> changed = sources.lastChanged();
    return new InfoCard(
        language,
        sources.label(Label.TITLE),
        target.school(),
        target.course() == null ? null : target.course().displayTitle(),
        target.student() == null ? null : target.student().displayName(),
        blocks,
        changedLabel,
        changed
            .map(
                at ->
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(language.locale())
                        .withZone(SCHOOL_ZONE)
                        .format(at))
            .orElse(null),
        scanLabel,
        publicUrl,
        qr);
  }

  private static InfoCard.Block block(String icon, InfoCard.Text heading, InfoCard.Text body) {
    return new InfoCard.Block(icon, heading, body, List.of(), List.of(), null, null);
  }

  /**
   * The course's mentors who put a number on the card; when none did yet, every mentor by name. The
   * administrator's preview has no course: a placeholder shows where the mentor goes.
   */
  private List<InfoCard.Mentor> mentors(Target target, CardLanguage language) {
    if (target.course() == null) {
      CardLanguage words = language.builtIn() ? language : CardLanguage.NL;
      return List.of(
          new InfoCard.Mentor(Pages.text(words.locale(), "infocard.preview.mentor"), null, null));
    }
    List<Member> mentors = memberships.members(target.course(), Role.MENTOR);
    Map<Long, String> numbers = phones.of(target.course().id());
    List<Member> shown =
        mentors.stream().filter(m -> numbers.containsKey(m.person().id())).toList();
    return (shown.isEmpty() ? mentors : shown)
        .stream()
            .map(
                m -> {
                  String phone = numbers.get(m.person().id());
                  return new InfoCard.Mentor(
                      m.person().displayName(),
                      phone,
                      phone == null ? null : MentorPhones.dialable(phone));
                })
            .toList();
  }

  /**
   * The protocol steps in the student's words: for one student the steps of their legal duty, on
   * the class card every step of the rules the institution switched on.
   */
  private List<InfoCard.Text> steps(Target target, Sources sources) {
    Protocol protocol = protocols.of(target.institutionId());
    List<ProtocolStep> steps;
    if (target.student() != null) {
      steps = protocol.stepsFor(duties.of(target.student().id()));
    } else {
      steps = new ArrayList<>();
      for (Rule rule : Rule.values()) {
        if (protocol.setting(rule).enabled()) {
          for (int level = 1; level <= rule.levels(); level++) {
            steps.add(ProtocolStep.of(rule, level));
          }
        }
      }
    }
    List<InfoCard.Text> lines = new ArrayList<>();
    for (ProtocolStep step : steps) {
      lines.add(sources.step(step, protocol.setting(step.rule())));
    }
    return lines;
  }

  /** The texts one card reads, in its language and in Dutch, and the dates of those it used. */
  private final class Sources {
    private final Target target;
    private final CardLanguage language;
    private final List<CardLanguage> order;
    private final Map<CardLanguage, Map<String, CardText>> institution;
    private final Map<CardLanguage, Map<String, CardText>> course;
    private final List<Instant> used = new ArrayList<>();

    Sources(Target target, CardLanguage language) {
      this.target = target;
      this.language = language;
      Set<CardLanguage> languages = new LinkedHashSet<>(List.of(language, CardLanguage.NL));
      this.order = List.copyOf(languages);
      this.institution = new java.util.EnumMap<>(CardLanguage.class);
      this.course = new java.util.EnumMap<>(CardLanguage.class);
      for (CardLanguage l : order) {
        institution.put(l, texts.institution(target.institutionId(), l));
        course.put(l, target.course() == null ? Map.of() : texts.course(target.course().id(), l));
      }
    }

    /**
     * A section: the course's own text, else the institution's, else the product's starting text;
     * in the card's language first, then in Dutch. Null when there is nothing at all.
     */
    InfoCard.Text section(Section section) {
      for (CardLanguage l : order) {
        if (section.forCourse()) {
          CardText own = course.get(l).get(section.key());
          if (own != null) {
            return used(own, l);
          }
        }
        if (section.forInstitution()) {
          CardText school = institution.get(l).get(section.key());
          if (school != null) {
            return used(school, l);
          }
          if (l.builtIn()) {
            return InfoCard.Text.of(Pages.text(l.locale(), section.defaultKey()), l, language);
          }
        }
      }
      return null;
    }

    InfoCard.Text label(Label label) {
      if (language.builtIn()) {
        return InfoCard.Text.of(
            Pages.text(language.locale(), label.messageKey()), language, language);
      }
      CardText translated = institution.get(language).get(label.key());
      if (translated != null) {
        return used(translated, language);
      }
      return InfoCard.Text.of(
          Pages.text(CardLanguage.NL.locale(), label.messageKey()), CardLanguage.NL, language);
    }

    InfoCard.Text step(ProtocolStep step, RuleSetting setting) {
      if (!language.builtIn()) {
        CardText translated = institution.get(language).get(StepTranslation.key(step));
        if (translated != null) {
          used.add(translated.updatedAt());
          return InfoCard.Text.of(
              StepTranslation.fill(translated.text(), step.args(setting)), language, language);
        }
      }
      CardLanguage words = language.builtIn() ? language : CardLanguage.NL;
      return InfoCard.Text.of(
          StepText.of(step, setting, words.locale()).forStudent(), words, language);
    }

    private InfoCard.Text used(CardText text, CardLanguage written) {
      used.add(text.updatedAt());
      return InfoCard.Text.of(text.text(), written, language);
    }

    /** The newest change of anything on the card: texts, the protocol, the mentors' numbers. */
    Optional<Instant> lastChanged() {
      List<Instant> all = new ArrayList<>(used);
      protocols.lastChanged(target.institutionId()).ifPresent(all::add);
      if (target.course() != null) {
        phones.lastChanged(target.course().id()).ifPresent(all::add);
      }
      return all.stream().max(Instant::compareTo);
    }
  }
}
