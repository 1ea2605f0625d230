package nl.samenaanwezig.lti;

import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.Prompt;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.web.BaseUrl;

/**
 * OIDC third-party login initiation (IMS Security Framework 5.1.1): the platform names the user and
 * target; the tool answers with an authentication request carrying a fresh, one-time state and
 * nonce that it keeps in the database.
 */
@Path("/lti/login")
public class LoginResource {
  private static final Logger LOG = Logger.getLogger(LoginResource.class.getName());
  static final Duration STATE_LIFETIME = Duration.ofMinutes(5);

  /** The login_state.target_link_uri column. */
  private static final int MAX_TARGET_LINK_URI_LENGTH = 2000;

  @Inject Database db;
  @Inject BaseUrl baseUrl;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  @GET
  public Response get(
      @QueryParam("iss") String iss,
      @QueryParam("login_hint") String loginHint,
      @QueryParam("target_link_uri") String targetLinkUri,
      @QueryParam("lti_message_hint") String messageHint,
      @QueryParam("client_id") String clientId,
      @QueryParam("lti_deployment_id") String deploymentId) {
    return initiate(iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response post(
      @FormParam("iss") String iss,
      @FormParam("login_hint") String loginHint,
      @FormParam("target_link_uri") String targetLinkUri,
      @FormParam("lti_message_hint") String messageHint,
      @FormParam("client_id") String clientId,
      @FormParam("lti_deployment_id") String deploymentId) {
    return initiate(iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId);
  }

  private Response initiate(
      String iss,
      String loginHint,
      String targetLinkUri,
      String messageHint,
      String clientId,
      String deploymentId) {
    require(iss, LaunchException.Reason.MISSING_ISSUER);
    require(loginHint, LaunchException.Reason.MISSING_LOGIN_HINT);
    require(targetLinkUri, LaunchException.Reason.MISSING_TARGET_LINK_URI);
    if (!isHttpUrl(targetLinkUri) || targetLinkUri.length() > MAX_TARGET_LINK_URI_LENGTH) {
      throw new LaunchException(
          LaunchException.Reason.INVALID_TARGET_LINK_URI,
          "target_link_uri is no http(s) URL of at most "
              + MAX_TARGET_LINK_URI_LENGTH
              + " characters");
    }
    State state = new State(Tokens.random());
    Nonce nonce = new Nonce(Tokens.random());
    // One transaction finds the registration and keeps the state: a refusal stores nothing.
    Platform platform =
        db.tx(
            em -> {
              Platform found =
                  Platforms.find(em, iss, clientId)
                      .orElseThrow(
                          () ->
                              new LaunchException(
                                  LaunchException.Reason.UNKNOWN_PLATFORM,
                                  "iss=" + iss + " client_id=" + clientId));
              if (deploymentId != null
                  && !deploymentId.isBlank()
                  && !found.knowsDeployment(deploymentId)) {
                throw new LaunchException(
                    LaunchException.Reason.UNKNOWN_DEPLOYMENT,
                    "login for deployment " + deploymentId);
              }
              em.persist(
                  new LoginState(
                      state.getValue(),
                      nonce.getValue(),
                      found.id(),
                      targetLinkUri,
                      clock.instant().plus(STATE_LIFETIME)));
              return found;
            });
    URI redirectUri = URI.create(baseUrl.of(request) + "/lti/launch");
    AuthenticationRequest.Builder auth =
        new AuthenticationRequest.Builder(
                new ResponseType("id_token"),
                new Scope("openid"),
                new ClientID(platform.clientId()),
                redirectUri)
            .endpointURI(URI.create(platform.authLoginUrl()))
            .state(state)
            .nonce(nonce)
            .responseMode(ResponseMode.FORM_POST)
            .prompt(new Prompt(Prompt.Type.NONE))
            .loginHint(loginHint);
    if (messageHint != null) {
      auth.customParameter("lti_message_hint", messageHint);
    }
    LOG.fine(() -> "login initiation for " + platform.issuer() + " user " + loginHint);
    return Response.status(Response.Status.FOUND)
        .location(auth.build().toURI())
        .header(HttpHeaders.SET_COOKIE, LoginCookie.set(state.getValue(), request, STATE_LIFETIME))
        .build();
  }

  private static void require(String value, LaunchException.Reason reason) {
    if (value == null || value.isBlank()) {
      throw new LaunchException(reason, "parameter absent");
    }
  }

  /** IMS Security 5.1.1.1: target_link_uri is the URL the launch is for, so an http(s) URL. */
  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      return uri.getHost() != null
          && ("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
