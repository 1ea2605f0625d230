package nl.samenaanwezig.lti;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The tool's public keyset, fetched by platforms to verify what the tool signs. */
@Path("/.well-known/jwks.json")
public class JwksResource {
  @Inject ToolKeys keys;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(keys.publicKeys().toString(true)).cacheControl(cache).build();
  }
}
