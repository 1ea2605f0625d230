package nl.samenaanwezig.infocard;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenaanwezig.db.Database;

/** Reads and stores the texts schools write for their cards (table {@code infocard_text}). */
public final class CardTexts {
  private final Database db;
  private final Clock clock;

  public CardTexts(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** How far one language of the institution's card is written. */
  public record LanguageStatus(
      CardLanguage language, int written, int parts, Optional<Instant> lastChanged) {

    public boolean complete() {
      return written >= parts;
    }
  }

  /** The institution's own texts in a language, by section key. */
  public Map<String, CardText> institution(long institutionId, CardLanguage language) {
    return db.read(
        em ->
            bySection(
                em.createQuery(
                        "select t from CardText t where t.institutionId = :i"
                            + " and t.courseId is null and t.language = :l",
                        CardText.class)
                    .setParameter("i", institutionId)
                    .setParameter("l", language.tag())
                    .getResultList()));
  }

  /** A course's own texts in a language, by section key. */
  public Map<String, CardText> course(long courseId, CardLanguage language) {
    return db.read(
        em ->
            bySection(
                em.createQuery(
                        "select t from CardText t where t.courseId = :c and t.language = :l",
                        CardText.class)
                    .setParameter("c", courseId)
                    .setParameter("l", language.tag())
                    .getResultList()));
  }

  /**
   * Every card language with how much of it the institution wrote: the built-in ones always, the
   * others once the school saved a text in them.
   */
  public List<LanguageStatus> languages(long institutionId) {
    List<CardText> texts =
        db.read(
            em ->
                em.createQuery(
                        "select t from CardText t where t.institutionId = :i and t.courseId is null",
                        CardText.class)
                    .setParameter("i", institutionId)
                    .getResultList());
    Map<CardLanguage, List<CardText>> byLanguage = new EnumMap<>(CardLanguage.class);
    for (CardText t : texts) {
      byLanguage.computeIfAbsent(t.language(), l -> new ArrayList<>()).add(t);
    }
    List<LanguageStatus> statuses = new ArrayList<>();
    for (CardLanguage language : CardLanguage.values()) {
      List<CardText> written = byLanguage.getOrDefault(language, List.of());
      if (language.builtIn() || !written.isEmpty()) {
        statuses.add(
            new LanguageStatus(
                language,
                (int) written.stream().filter(t -> Parts.counts(language, t.section())).count(),
                Parts.institution(language).size(),
                written.stream().map(CardText::updatedAt).max(Instant::compareTo)));
      }
    }
    return statuses;
  }

  /**
   * Saves what the editor sent for one language: a changed text is updated, a new one added and an
   * emptied one removed, all in one transaction. Texts must already be checked ({@link Draft}).
   */
  public void save(
      long institutionId,
      Long courseId,
      CardLanguage language,
      Map<String, String> texts,
      long by) {
    Instant now = clock.instant();
    db.run(
        em -> {
          Map<String, CardText> existing = existing(em, institutionId, courseId, language);
          texts.forEach(
              (section, text) -> {
                CardText current = existing.get(section);
                if (text.isBlank()) {
                  if (current != null) {
                    em.remove(current);
                  }
                } else if (current == null) {
                  em.persist(
                      new CardText(institutionId, courseId, language, section, text, by, now));
                } else {
                  current.change(text, by, now);
                }
              });
        });
  }

  private static Map<String, CardText> existing(
      EntityManager em, long institutionId, Long courseId, CardLanguage language) {
    String course = courseId == null ? "t.courseId is null" : "t.courseId = :c";
    var query =
        em.createQuery(
                "select t from CardText t where t.institutionId = :i and t.language = :l and "
                    + course,
                CardText.class)
            .setParameter("i", institutionId)
            .setParameter("l", language.tag());
    if (courseId != null) {
      query.setParameter("c", courseId);
    }
    return bySection(query.getResultList());
  }

  private static Map<String, CardText> bySection(List<CardText> texts) {
    Map<String, CardText> map = new HashMap<>();
    for (CardText t : texts) {
      map.put(t.section(), t);
    }
    return map;
  }
}
