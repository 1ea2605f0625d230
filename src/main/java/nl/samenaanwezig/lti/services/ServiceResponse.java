package nl.samenaanwezig.lti.services;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A platform service's answer, read completely (within the size limit of the call). */
public record ServiceResponse(int status, HttpHeaders headers, byte[] body, URI uri) {

  /**
   * The body as UTF-8 text (JSON is UTF-8 by RFC 8259), whatever charset the Content-Type names,
   * without a leading byte order mark: a PHP file saved with one sends it before the JSON, and RFC
   * 8259 8.1 lets a parser ignore it.
   */
  public String text() {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
