package nl.samenaanwezig.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import nl.samenaanwezig.web.Pages;
import org.junit.jupiter.api.Test;

class MeetingKindTest {

  @Test
  void attendanceIsOnTheAgendaOfEveryKind() {
    for (MeetingKind kind : MeetingKind.values()) {
      List<String> agenda = kind.agenda();
      assertTrue(agenda.contains("meeting.agenda.attendance"), kind + ": " + agenda);
      assertEquals(agenda.size(), new HashSet<>(agenda).size(), kind + " repeats an item");
    }
  }

  @Test
  void attendanceComesSecondWhenTheTemplateDoesNotPlaceIt() {
    assertEquals(
        List.of(
            "meeting.agenda.expectations",
            "meeting.agenda.attendance",
            "meeting.agenda.buddy",
            "meeting.agenda.contact"),
        MeetingKind.KENNISMAKING.agenda());
  }

  @Test
  void everyKindAndAgendaItemHasDutchAndEnglishText() {
    for (Locale locale : List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH)) {
      for (MeetingKind kind : MeetingKind.values()) {
        assertTrue(!Pages.text(locale, kind.key()).isBlank());
        for (String item : kind.agenda()) {
          assertTrue(!Pages.text(locale, item).isBlank(), item);
        }
      }
    }
  }

  @Test
  void readsPostedKindsAndRejectsOthers() {
    assertEquals(MeetingKind.AANWEZIGHEID, MeetingKind.of(" aanwezigheid ").orElseThrow());
    assertTrue(MeetingKind.of("OUDERAVOND").isEmpty());
    assertTrue(MeetingKind.of(null).isEmpty());
  }
}
