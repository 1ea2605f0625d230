package nl.samenaanwezig.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which URLs are the tool's own (a launch's target_link_uri must be one), also behind a proxy. */
class BaseUrlTest {
  static final String PROXY = "https://school.example/aanwezig";

  @Test
  void pagesAtOrBelowTheBaseAreOurs() {
    assertTrue(BaseUrl.covers(PROXY, "https://school.example/aanwezig/lti/launch"));
    assertTrue(BaseUrl.covers(PROXY, "https://school.example/aanwezig"));
    assertTrue(BaseUrl.covers(PROXY, "HTTPS://School.Example:443/aanwezig/me?x=1"));
    assertTrue(BaseUrl.covers("http://localhost:8080", "http://localhost:8080/lti/launch"));
    assertTrue(BaseUrl.covers("http://localhost:8080/", "http://localhost:8080/"));
  }

  @Test
  void anotherOriginOrPathIsNot() {
    assertFalse(BaseUrl.covers(PROXY, "https://school.example/aanwezig-oud/lti/launch"));
    assertFalse(BaseUrl.covers(PROXY, "https://school.example/other-tool/launch"));
    assertFalse(BaseUrl.covers(PROXY, "http://school.example/aanwezig/lti/launch"));
    assertFalse(BaseUrl.covers(PROXY, "https://school.example:8443/aanwezig/lti/launch"));
    assertFalse(BaseUrl.covers(PROXY, "https://school.example.evil/aanwezig/lti/launch"));
    assertFalse(BaseUrl.covers(PROXY, "https://evil.example/?https://school.example/aanwezig/"));
    assertFalse(BaseUrl.covers(PROXY, "/aanwezig/lti/launch"));
    assertFalse(BaseUrl.covers(PROXY, "not a url"));
    assertFalse(BaseUrl.covers(PROXY, null));
  }
}
