package nl.samenaanwezig.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.TestPlatform;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The administrator's protocol settings for the call-home rule and the sickness rule's explanation,
 * over HTTP after a real launch; its own school, as it stores settings.
 */
class ProtocolSettingsPageTest {
  static ToolServer tool;
  static TestPlatform platform;
  static Browser admin;

  @BeforeAll
  static void start() {
    tool = ToolServer.start();
    platform = TestPlatform.start().registerWith(tool);
    admin = new Browser();
    admin.follow(platform.launch().asAdmin().run(admin));
  }

  @AfterAll
  static void stop() {
    platform.close();
    tool.close();
  }

  private static String url(String path) {
    return tool.baseUrl() + path;
  }

  private static HttpResponse<String> save(String days) {
    Matcher csrf =
        Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
            .matcher(admin.get(url("/admin")).body());
    assertTrue(csrf.find());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("enabled", "on");
    form.put("value-days", days);
    form.put("csrf", csrf.group(1));
    return admin.postForm(url("/admin/protocol/ABSENT_DAYS"), form);
  }

  private static long stored() {
    return tool.count("SELECT COUNT(*) FROM protocol_setting WHERE rule = 'ABSENT_DAYS'");
  }

  @Test
  void theSettingsShowTheCallHomeRuleAndWhatASickReportIs() {
    String html = admin.get(url("/admin")).body();
    assertTrue(html.contains("action=\"/admin/protocol/ABSENT_DAYS\""), html);
    assertTrue(html.contains("<legend>Dagen achter elkaar afwezig: naar huis bellen</legend>"));
    assertTrue(
        html.contains(
            "<label for=\"value-ABSENT_DAYS-days\">Aantal schooldagen achter elkaar afwezig zonder"
                + " geldige reden</label>"),
        html);
    assertTrue(html.contains("name=\"value-days\" value=\"2\" min=\"1\" max=\"10\""), html);
    assertTrue(html.contains("Een ziekmelding is een dag waarop de student ziek is"), html);
    assertTrue(html.contains("Een losse les ziek tussen lessen waarin de student er wel was"));
  }

  @Test
  void wrongNumbersOfDaysAreRefusedAndNothingIsStored() {
    for (String bad : new String[] {"0", "11", "twee", ""}) {
      HttpResponse<String> refused = save(bad);
      assertEquals(400, refused.statusCode(), bad);
      String expected =
          bad.equals("0") || bad.equals("11")
              ? "Aantal schooldagen achter elkaar afwezig zonder geldige reden: vul een getal in"
                  + " van 1 tot en met 10."
              : "Aantal schooldagen achter elkaar afwezig zonder geldige reden: vul een heel getal"
                  + " in.";
      assertTrue(refused.body().contains(expected), refused.body());
      assertTrue(refused.body().contains("value=\"" + bad + "\""), "the typed value comes back");
    }
    assertEquals(0, stored());
  }

  @Test
  void theAdministratorSetsThreeDays() {
    HttpResponse<String> saved = save("3");
    assertEquals(303, saved.statusCode());
    assertEquals(3, tool.count("SELECT value_1 FROM protocol_setting WHERE rule = 'ABSENT_DAYS'"));
    String html = admin.follow(saved).body();
    assertTrue(html.contains("name=\"value-days\" value=\"3\""), html);
    // Back to the default, so the order of the tests does not matter.
    assertEquals(303, save("2").statusCode());
  }
}
