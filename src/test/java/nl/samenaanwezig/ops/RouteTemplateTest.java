package nl.samenaanwezig.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.glassfish.jersey.uri.UriTemplate;
import org.junit.jupiter.api.Test;

/** The route label: the matched templates joined, patterns left out, never a real path. */
class RouteTemplateTest {
  @Test
  void joinsTheMatchedTemplatesOutermostFirstWithoutPatterns() {
    // Jersey lists the method's template first, then the resource class's.
    assertEquals(
        "/class/{courseId}/meetings/{meetingId}/links/{linkId}/revoke",
        RouteTemplate.of(
            List.of(
                new UriTemplate("links/{linkId: \\d+}/revoke"),
                new UriTemplate("/class/{courseId}/meetings/{meetingId: \\d+}"))));
    assertEquals("/", RouteTemplate.of(List.of(new UriTemplate("/"))));
    assertEquals(
        "/health", RouteTemplate.of(List.of(new UriTemplate("health"), new UriTemplate("/"))));
  }

  @Test
  void aPatternWithBracesOfItsOwnIsLeftOutWhole() {
    assertEquals("/year/{year}", RouteTemplate.withoutPatterns("/year/{year: \\d{4}}"));
    assertEquals("/x/{id}/y", RouteTemplate.withoutPatterns("/x/{ id : [a-z]+ }/y"));
  }
}
