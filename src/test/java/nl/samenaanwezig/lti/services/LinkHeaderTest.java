package nl.samenaanwezig.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8288 Link headers as platforms send them with NRPS pages. */
class LinkHeaderTest {
  static final URI BASE = URI.create("https://moodle.school.nl/mod/lti/services.php/2/memberships");

  @Test
  void readsSeveralLinksInOneHeader() {
    Map<String, URI> links =
        LinkHeader.parse(
            List.of(
                "<https://moodle.school.nl/m?page=2>; rel=\"next\","
                    + " <https://moodle.school.nl/m?since=7>; rel=\"differences\""),
            BASE);
    assertEquals(URI.create("https://moodle.school.nl/m?page=2"), links.get("next"));
    assertEquals(URI.create("https://moodle.school.nl/m?since=7"), links.get("differences"));
  }

  @Test
  void readsLinksSpreadOverSeveralHeaders() {
    Map<String, URI> links =
        LinkHeader.parse(
            List.of("<https://a.nl/m?p=2>; rel=next", "<https://a.nl/m?since=1>;rel=differences"),
            BASE);
    assertEquals(URI.create("https://a.nl/m?p=2"), links.get("next"));
    assertEquals(URI.create("https://a.nl/m?since=1"), links.get("differences"));
  }

  @Test
  void keepsCommasAndSemicolonsInsideTheTarget() {
    Map<String, URI> links =
        LinkHeader.parse(List.of("<https://a.nl/m?ids=1,2;x=3>; rel=\"next\""), BASE);
    assertEquals(URI.create("https://a.nl/m?ids=1,2;x=3"), links.get("next"));
  }

  @Test
  void readsEveryTypeOfAMultiValuedRelAndIgnoresCase() {
    Map<String, URI> links =
        LinkHeader.parse(List.of("<https://a.nl/l>; title=\"x, y; z\"; REL=\"Last Next\""), BASE);
    assertEquals(URI.create("https://a.nl/l"), links.get("next"));
    assertEquals(URI.create("https://a.nl/l"), links.get("last"));
  }

  @Test
  void resolvesRelativeTargetsAgainstTheRequest() {
    Map<String, URI> links = LinkHeader.parse(List.of("<memberships?page=3>; rel=\"next\""), BASE);
    assertEquals(
        URI.create("https://moodle.school.nl/mod/lti/services.php/2/memberships?page=3"),
        links.get("next"));
  }

  @Test
  void ignoresLinksWithoutRelOrWithABrokenTarget() {
    Map<String, URI> links =
        LinkHeader.parse(
            List.of("<https://a.nl/x>; title=\"no rel\", <https://a nl/bad>; rel=\"next\""), BASE);
    assertEquals(Map.of(), links);
  }

  @Test
  void firstLinkOfARelationWins() {
    Map<String, URI> links =
        LinkHeader.parse(
            List.of("<https://a.nl/1>; rel=\"next\", <https://a.nl/2>; rel=\"next\""), BASE);
    assertEquals(URI.create("https://a.nl/1"), links.get("next"));
  }

  @Test
  void readsMoodlesTypographicQuotesAsUtf8BytesReadAsLatin1() {
    String moodle =
        "<https://a.nl/l?from=0>; rel=\u201cfirst\u201d, <https://a.nl/l?from=2>; rel=\u201cnext\u201d";
    String received =
        new String(
            moodle.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    Map<String, URI> links = LinkHeader.parse(List.of(received), BASE);
    assertEquals(URI.create("https://a.nl/l?from=2"), links.get("next"));
    assertEquals(URI.create("https://a.nl/l?from=0"), links.get("first"));
  }
}
