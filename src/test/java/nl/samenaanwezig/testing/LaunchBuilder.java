package nl.samenaanwezig.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.samenaanwezig.lti.LtiClaims;
import nl.samenaanwezig.lti.Role;

/**
 * One launch of a {@link TestPlatform}: valid defaults (a learner of course-1 with names, e-mail
 * and locale), and one method per thing a negative test may break.
 */
public final class LaunchBuilder {
  private final TestPlatform platform;
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private RSAKey signingKey;
  private String kid;
  private JWSAlgorithm alg = JWSAlgorithm.RS256;
  private boolean tamper;
  private String rawToken;
  private String stateOverride;
  private String nonceOverride;
  private Instant issuedAt = Instant.now();
  private Duration lifetime = Duration.ofSeconds(60);

  LaunchBuilder(TestPlatform platform, String toolBaseUrl) {
    this.platform = platform;
    this.signingKey = platform.key();
    this.kid = platform.key().getKeyID();
    claims.put("iss", platform.issuer());
    claims.put("aud", platform.clientId());
    claims.put("azp", platform.clientId());
    claims.put(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST);
    claims.put(LtiClaims.VERSION, LtiClaims.VERSION_1_3_0);
    claims.put(LtiClaims.DEPLOYMENT_ID, platform.deploymentId());
    claims.put(LtiClaims.TARGET_LINK_URI, toolBaseUrl + "/lti/launch");
    claims.put(LtiClaims.RESOURCE_LINK, Map.of("id", "link-1", "title", "Samen Aanwezig"));
    claims.put(
        LtiClaims.CONTEXT, Map.of("id", "course-1", "label", "WIS-2B", "title", "Wiskunde 2B"));
    claims.put(LtiClaims.LAUNCH_PRESENTATION, Map.of("document_target", "iframe", "locale", "nl"));
    asStudent();
  }

  public LaunchBuilder asStudent() {
    return person("student-1", "Fenna", "Kok", List.of(Role.Lis.LEARNER.uri()));
  }

  public LaunchBuilder asMentor() {
    return person("mentor-1", "Jeroen", "Smits", List.of(Role.Lis.INSTRUCTOR.uri()));
  }

  public LaunchBuilder asAdmin() {
    return person(
        "admin-1",
        "Inge",
        "Admin",
        List.of(Role.Lis.INSTITUTION_ADMIN.uri(), Role.Lis.SYSTEM_ADMIN.uri()));
  }

  /** Sets sub, names, e-mail and roles for one user. */
  public LaunchBuilder person(String sub, String given, String family, List<String> roles) {
    claims.put("sub", sub);
    claims.put("given_name", given);
    claims.put("family_name", family);
    claims.put("name", given + " " + family);
    claims.put("email", sub + "@school.example");
    claims.put(LtiClaims.ROLES, roles);
    return this;
  }

  public LaunchBuilder roles(List<String> roles) {
    claims.put(LtiClaims.ROLES, roles);
    return this;
  }

  public LaunchBuilder claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  public LaunchBuilder without(String... names) {
    for (String name : names) {
      claims.remove(name);
    }
    return this;
  }

  public LaunchBuilder signedWith(RSAKey key) {
    this.signingKey = key;
    return this;
  }

  public LaunchBuilder kid(String kid) {
    this.kid = kid;
    return this;
  }

  public LaunchBuilder alg(JWSAlgorithm alg) {
    this.alg = alg;
    return this;
  }

  /** Changes the payload after signing, so the signature no longer matches. */
  public LaunchBuilder tampered() {
    this.tamper = true;
    return this;
  }

  /** Posts this literal text as id_token. */
  public LaunchBuilder rawIdToken(String token) {
    this.rawToken = token;
    return this;
  }

  public LaunchBuilder state(String state) {
    this.stateOverride = state;
    return this;
  }

  public LaunchBuilder nonce(String nonce) {
    this.nonceOverride = nonce;
    return this;
  }

  public LaunchBuilder issuedAt(Instant at) {
    this.issuedAt = at;
    return this;
  }

  public LaunchBuilder lifetime(Duration lifetime) {
    this.lifetime = lifetime;
    return this;
  }

  String subject() {
    Object sub = claims.get("sub");
    return sub == null ? "anonymous" : sub.toString();
  }

  String stateOverride() {
    return stateOverride;
  }

  /** The id_token the platform would post for this launch and nonce. */
  public String idToken(String nonce) {
    if (rawToken != null) {
      return rawToken;
    }
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
    claims.forEach(b::claim);
    b.issueTime(Date.from(issuedAt));
    b.expirationTime(Date.from(issuedAt.plus(lifetime)));
    b.claim("nonce", nonceOverride != null ? nonceOverride : nonce);
    String jwt = platform.sign(b.build(), signingKey, kid, alg);
    if (!tamper) {
      return jwt;
    }
    String[] parts = jwt.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String changed = payload.replace(subject(), subject() + "-x");
    return parts[0]
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes())
        + "."
        + parts[2];
  }

  /**
   * Login initiation and the platform's auth step in this browser; returns the platform's
   * auto-posting form (id_token and state), for another browser to post in a test.
   */
  public HttpResponse<String> authorize(Browser browser) {
    return platform.authForm(this, browser);
  }

  /** The whole launch through a browser; returns the tool's answer to the form_post. */
  public HttpResponse<String> run(Browser browser) {
    return platform.run(this, browser);
  }
}
