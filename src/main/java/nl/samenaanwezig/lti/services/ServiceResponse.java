package nl.samenaanwezig.lti.services;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A platform service's answer, read completely (within the size limit of the call). */
public record ServiceResponse(int status, HttpHeaders headers, byte[] body, URI uri) {

  /** The body as UTF-8 text (JSON is UTF-8 by RFC 8259). */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
