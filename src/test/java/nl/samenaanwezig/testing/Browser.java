package nl.samenaanwezig.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser over real HTTP: keeps cookies per host like a browser does on localhost (also
 * Secure ones, which java.net's CookieManager drops on http), follows nothing by itself.
 */
public final class Browser {
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, Map<String, String>> cookiesByHost = new LinkedHashMap<>();
  private boolean acceptCookies = true;
  private Map<String, String> lastAutoPost = Map.of();
  private String lastAutoPostTarget;

  /** Like a browser that blocks third-party cookies: nothing is stored. */
  public Browser blockingCookies() {
    acceptCookies = false;
    return this;
  }

  public HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
  }

  /** A GET with extra headers (e.g. Host, Accept-Language). */
  public HttpResponse<String> get(String url, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    headers.forEach(b::header);
    return send(b, url);
  }

  public HttpResponse<String> postForm(String url, Map<String, String> fields) {
    return postForm(url, fields, Map.of());
  }

  public HttpResponse<String> postForm(
      String url, Map<String, String> fields, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    headers.forEach(b::header);
    return send(b, url);
  }

  /** Posts a form whose fields may repeat (checkboxes), in the given order. */
  public HttpResponse<String> postFields(String url, List<Map.Entry<String, String>> fields) {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> f : fields) {
      body.append(body.isEmpty() ? "" : "&")
          .append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
    }
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        url);
  }

  /** Follows 3xx redirects from a response, the way a browser would (GET). */
  public HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int i = 0; i < 10 && current.statusCode() / 100 == 3; i++) {
      String location = current.headers().firstValue("Location").orElseThrow();
      current = get(current.uri().resolve(location).toString());
    }
    return current;
  }

  /** Submits the first form of an auto-posting page (what app.js does in a real browser). */
  public HttpResponse<String> submitAutoPost(HttpResponse<String> page) {
    String html = page.body();
    Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]*)\"").matcher(html);
    if (!action.find()) {
      throw new AssertionError("no form in page:\n" + html);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher input =
        Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")
            .matcher(html);
    while (input.find()) {
      fields.put(unescape(input.group(1)), unescape(input.group(2)));
    }
    String target = page.uri().resolve(unescape(action.group(1))).toString();
    lastAutoPost = Map.copyOf(fields);
    lastAutoPostTarget = target;
    return postForm(target, fields);
  }

  /** The fields of the last auto-posted form (e.g. id_token and state), for replay tests. */
  public Map<String, String> lastAutoPost() {
    return lastAutoPost;
  }

  public String lastAutoPostTarget() {
    return lastAutoPostTarget;
  }

  public String cookie(String host, String name) {
    return cookiesByHost.getOrDefault(host, Map.of()).get(name);
  }

  public void setCookie(String host, String name, String value) {
    cookiesByHost.computeIfAbsent(host, h -> new LinkedHashMap<>()).put(name, value);
  }

  private HttpResponse<String> send(HttpRequest.Builder builder, String url) {
    String host = URI.create(url).getHost();
    Map<String, String> jar = cookiesByHost.getOrDefault(host, Map.of());
    if (!jar.isEmpty()) {
      builder.header(
          "Cookie",
          jar.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response =
          http.send(
              builder.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (acceptCookies) {
        for (String header : response.headers().allValues("Set-Cookie")) {
          String pair = header.split(";", 2)[0];
          int eq = pair.indexOf('=');
          Map<String, String> kept =
              cookiesByHost.computeIfAbsent(host, h -> new LinkedHashMap<>());
          String name = pair.substring(0, eq).trim();
          // Max-Age=0 removes the cookie, as browsers do (logout, a spent login).
          if (header.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains(";max-age=0")) {
            kept.remove(name);
          } else {
            kept.put(name, pair.substring(eq + 1).trim());
          }
        }
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(url, e);
    }
  }

  static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(
                        e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static String unescape(String html) {
    return html.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
  }
}
