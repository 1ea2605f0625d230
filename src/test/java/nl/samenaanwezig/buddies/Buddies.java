package nl.samenaanwezig.buddies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.lti.Role;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ClassPages;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;

/**
 * Steps the buddy tests share: a student of course-1 launching, a valid buddy form (one field
 * changed per negative test), adding a buddy and deciding about consent.
 */
public final class Buddies {
  private Buddies() {}

  /** A browser signed in as a learner of course-1 ("Wiskunde 2B"). */
  public static Browser student(TestPlatform platform, String sub, String given, String family) {
    Browser browser = new Browser();
    HttpResponse<String> landed =
        browser.follow(
            platform
                .launch()
                .person(sub, given, family, List.of(Role.Lis.LEARNER.uri()))
                .run(browser));
    assertEquals(200, landed.statusCode(), landed.body());
    return browser;
  }

  /** A browser signed in as a mentor (Instructor) of course-1. */
  public static Browser mentor(TestPlatform platform, String sub, String given, String family) {
    Browser browser = new Browser();
    HttpResponse<String> landed =
        browser.follow(
            platform
                .launch()
                .person(sub, given, family, List.of(Role.Lis.INSTRUCTOR.uri()))
                .run(browser));
    assertEquals(200, landed.statusCode(), landed.body());
    return browser;
  }

  /** A valid buddy: mother, legal representative, Dutch mobile number. */
  public static Map<String, String> validForm(String csrf) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", csrf);
    form.put("name", "Samira Kok");
    form.put("relationship", "PARENT");
    form.put("legalRepresentative", "on");
    form.put("phone", "06-12345678");
    form.put("email", "samira@example.nl");
    form.put("channel", "CALL");
    form.put("language", "nl");
    form.put("slot", "TUESDAY-EVENING");
    form.put("note", "Bel na vijf uur.");
    return form;
  }

  public static String csrf(Browser browser, ToolServer tool) {
    return ClassPages.csrf(browser.get(tool.baseUrl() + "/me/buddies"));
  }

  /** Posts the new-buddy form with these changes to the valid form; returns the raw answer. */
  public static HttpResponse<String> postNew(
      Browser browser, ToolServer tool, Map<String, String> changes) {
    Map<String, String> form = validForm(csrf(browser, tool));
    form.putAll(changes);
    form.values().removeIf(v -> v == null);
    return browser.postForm(tool.baseUrl() + "/me/buddies/new", form);
  }

  /** Adds a buddy and returns its id (from the redirect's #buddy-N). */
  public static long add(Browser browser, ToolServer tool, Map<String, String> changes) {
    HttpResponse<String> added = postNew(browser, tool, changes);
    assertEquals(303, added.statusCode(), added.body());
    Matcher m =
        Pattern.compile("#buddy-(\\d+)$").matcher(added.headers().firstValue("Location").get());
    if (!m.find()) {
      throw new AssertionError("no buddy id in " + added.headers().firstValue("Location"));
    }
    return Long.parseLong(m.group(1));
  }

  /** Gives ("give") or withdraws ("withdraw") consent for a topic with the current text. */
  public static HttpResponse<String> decide(
      Browser browser, ToolServer tool, long buddyId, String topic, String decision) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", csrf(browser, tool));
    form.put("topic", topic);
    form.put("decision", decision);
    form.put("version", ConsentTexts.CURRENT);
    return browser.postForm(tool.baseUrl() + "/me/buddies/" + buddyId + "/consent", form);
  }

  /** Enters a date of birth (ISO) on the student's page. */
  public static HttpResponse<String> enterBirthDate(Browser browser, ToolServer tool, String date) {
    return browser.postForm(
        tool.baseUrl() + "/me/buddies/birthdate",
        Map.of("csrf", csrf(browser, tool), "dateOfBirth", date));
  }

  /** The texts of the elements with this class, e.g. the problems of a form. */
  public static List<String> texts(String html, String tag, String cssClass) {
    List<String> found = new ArrayList<>();
    Matcher m =
        Pattern.compile("<" + tag + "[^>]*class=\"" + cssClass + "\"[^>]*>([^<]*)<").matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
