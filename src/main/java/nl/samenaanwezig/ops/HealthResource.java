package nl.samenaanwezig.ops;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import nl.samenaanwezig.db.Database;

/**
 * Probes for a load balancer or orchestrator, without a session: {@code /health} says the process
 * answers (liveness; it touches nothing else, so a database outage never restarts the tool), and
 * {@code /ready} that it can serve: the database answers and holds this build's migrations. 200 or
 * 503, a small JSON body, never cached.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
  private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

  @Inject Database db;

  @GET
  @Path("health")
  public Response health() {
    return Response.ok(Map.of("status", "UP")).cacheControl(NO_STORE).build();
  }

  @GET
  @Path("ready")
  public Response ready() {
    boolean ready = db.ready();
    return Response.status(ready ? 200 : 503)
        .entity(Map.of("status", ready ? "UP" : "DOWN"))
        .cacheControl(NO_STORE)
        .build();
  }
}
