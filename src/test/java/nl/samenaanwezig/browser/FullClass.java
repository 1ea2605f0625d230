package nl.samenaanwezig.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.LessonRegister;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.attendance.MarkCategory;
import nl.samenaanwezig.buddies.Buddies;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;

/**
 * Course-1 as a full class: 30 students with long Dutch names who each launched once, five lessons
 * today, and a first student (by name) with the widest row: lateness and absence, two buddies and
 * an invitation to a talk.
 */
final class FullClass {
  /** Given name, family name; sorted by name, the first one comes first. */
  static final List<String[]> NAMES =
      List.of(
          new String[] {"Aafke", "van der Heijden-Schoonhoven"},
          new String[] {"Bartholomeus", "Vandenbroucke"},
          new String[] {"Christiaan", "de Groot-Wijnberg"},
          new String[] {"Dagmar", "Oosterhuis-Kniphorst"},
          new String[] {"Evelien", "van Bommel-Zwartkruis"},
          new String[] {"Fatima-Zahra", "El Ouazzani"},
          new String[] {"Gijsbert-Jan", "Vermeulen"},
          new String[] {"Hendrikje", "Stuivenberg-Dijkhuizen"},
          new String[] {"Ilse", "van Wijngaarden"},
          new String[] {"Jan-Willem", "Ruijgrok"},
          new String[] {"Karolien", "Verstappen-Bosch"},
          new String[] {"Lodewijk", "van Hoogstraten"},
          new String[] {"Mohammed", "Boukhrissi-Amrani"},
          new String[] {"Nathalie", "Spijkerman-de Kruijf"},
          new String[] {"Oscar", "van Rijckevorsel"},
          new String[] {"Priscilla", "Kortenhorst"},
          new String[] {"Quinten", "Noordermeer-Biesheuvel"},
          new String[] {"Rosalinde", "van Zuylen van Nijevelt"},
          new String[] {"Sebastiaan", "Wolfswinkel"},
          new String[] {"Tjitske", "Hoekstra-Wiersma"},
          new String[] {"Ulrike", "Blankenstein"},
          new String[] {"Valentijn", "Oudshoorn-Lagerwerf"},
          new String[] {"Wilhelmina", "Schimmelpenninck"},
          new String[] {"Xander", "Koopmanschap"},
          new String[] {"Yasmina", "Benali-Tahiri"},
          new String[] {"Zeynep", "Yıldırım-Özdemir"},
          new String[] {"Anouk", "Groenewegen-Verheij"},
          new String[] {"Bram", "Kloppenburg"},
          new String[] {"Chantal", "Veldhuizen-Westerveld"},
          new String[] {"Dirk-Jan", "Brinkhorst"});

  /** Five 45-minute lessons. */
  static final List<LocalTime> STARTS =
      List.of(
          LocalTime.of(8, 30),
          LocalTime.of(9, 15),
          LocalTime.of(10, 15),
          LocalTime.of(11, 0),
          LocalTime.of(12, 30));

  /**
   * The first row's student and what "Meer" shows for them, label and value per line (the last
   * launch is a time and is checked apart).
   */
  record First(String name, String email, List<String> figures) {}

  private FullClass() {}

  static First fill(ToolServer tool, TestPlatform platform) {
    Map<String, Browser> students = new LinkedHashMap<>();
    for (String[] name : NAMES) {
      String sub = "s-" + name[0].toLowerCase();
      Browser browser = new Browser();
      HttpResponse<String> landed =
          browser.follow(
              platform
                  .launch()
                  .person(sub, name[0], name[1], List.of(Role.Lis.LEARNER.uri()))
                  .claim("email", email(name))
                  .run(browser));
      assertEquals(200, landed.statusCode(), landed.body());
      students.put(sub, browser);
    }
    Browser mentor = Buddies.mentor(platform, "mentor-1", "Jeroen", "Smits");
    long course = tool.count("SELECT id FROM course WHERE context_id = 'course-1'");
    Map<Long, Map<Integer, Mark.Entry>> marks = new HashMap<>();
    for (int i = 0; i < NAMES.size(); i++) {
      long person = person(tool, "s-" + NAMES.get(i)[0].toLowerCase());
      Map<Integer, Mark.Entry> day = new HashMap<>();
      for (int lesson = 0; lesson < STARTS.size(); lesson++) {
        boolean sick = i % 3 == 0 && lesson == i % STARTS.size();
        day.put(lesson, new Mark.Entry(sick ? MarkCategory.SICK : MarkCategory.PRESENT, 0));
      }
      marks.put(person, day);
    }
    // The first student: late three times (30 minutes) and away two lessons without leave.
    long aafke = person(tool, "s-aafke");
    marks.put(
        aafke,
        Map.of(
            0, new Mark.Entry(MarkCategory.LATE, 10),
            1, new Mark.Entry(MarkCategory.LATE, 5),
            2, new Mark.Entry(MarkCategory.LATE, 15),
            3, new Mark.Entry(MarkCategory.UNEXCUSED, 0),
            4, new Mark.Entry(MarkCategory.UNEXCUSED, 0)));
    register(tool, course, marks);

    Browser first = students.get("s-aafke");
    Buddies.add(first, tool, Map.of());
    Map<String, String> grandfather = new HashMap<>();
    grandfather.put("name", "Gerrit Schoonhoven");
    grandfather.put("relationship", "GRANDPARENT");
    grandfather.put("legalRepresentative", null);
    Buddies.add(first, tool, grandfather);
    String talks = tool.baseUrl() + "/class/" + course + "/students/" + aafke + "/meetings";
    HttpResponse<String> planned =
        mentor.postForm(
            talks,
            Map.of("csrf", ClassPages.csrf(mentor.get(talks)), "kind", "AANWEZIGHEID", "slot", ""));
    assertEquals(303, planned.statusCode(), planned.body());

    // 105 of 225 minutes present; 30 late minutes count as unexcused with the two lessons (90).
    return new First(
        "Aafke van der Heijden-Schoonhoven",
        email(NAMES.get(0)),
        List.of(
            "Deze week 46%",
            "Schooljaar 46%",
            "Ongeoorloofd afwezig (4 schoolweken) 2,0 uur",
            "Te laat (schooljaar) 3"));
  }

  /** Today's five lessons with every student's mark. */
  private static void register(
      ToolServer tool, long course, Map<Long, Map<Integer, Mark.Entry>> marks) {
    LessonRegister register = new LessonRegister(tool.db(), Clock.systemUTC());
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    for (int lesson = 0; lesson < STARTS.size(); lesson++) {
      LocalTime start = STARTS.get(lesson);
      long id =
          register
              .lesson(
                  course,
                  new LessonRegister.LessonSpec(
                      today,
                      start,
                      start.plusMinutes(45),
                      null,
                      null,
                      Lesson.Source.API,
                      "fit-" + lesson))
              .id();
      Map<Long, Mark.Entry> entries = new HashMap<>();
      int index = lesson;
      marks.forEach((person, day) -> entries.put(person, day.get(index)));
      register.save(id, entries, null, Lesson.Source.API);
    }
  }

  private static long person(ToolServer tool, String sub) {
    return tool.count("SELECT id FROM person WHERE subject = ?", sub);
  }

  static String email(String[] name) {
    return (name[0] + "." + name[1]).toLowerCase().replace(' ', '-')
        + "@studenten.rocvandeschoonhoven.example";
  }
}
