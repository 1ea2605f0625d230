package nl.samenaanwezig.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the hand-written OpenAPI 3 document of the API (kept true by OpenApiDocumentTest). */
@Path("/api/openapi.json")
public class OpenApiResource {
  private static final byte[] DOCUMENT = load();

  private static byte[] load() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream("/api/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("api/openapi.json is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
  public byte[] document() {
    return DOCUMENT.clone();
  }
}
