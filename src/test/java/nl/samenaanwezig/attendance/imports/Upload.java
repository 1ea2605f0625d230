package nl.samenaanwezig.attendance.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenaanwezig.testing.Browser;

/** A multipart/form-data POST as a browser sends the import form, with the browser's cookie. */
final class Upload {
  private final List<Map.Entry<String, String>> fields = new ArrayList<>();
  private String fileName = "";
  private byte[] file = new byte[0];
  private boolean chunked;

  Upload field(String name, String value) {
    fields.add(Map.entry(name, value));
    return this;
  }

  Upload file(String name, byte[] content) {
    this.fileName = name;
    this.file = content;
    return this;
  }

  Upload file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the body in chunks, without a Content-Length (no browser does this with a form). */
  Upload chunked() {
    this.chunked = true;
    return this;
  }

  HttpResponse<String> post(Browser browser, String url) {
    String boundary = "----samen" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        field ->
            write(
                body,
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + field.getKey()
                    + "\"\r\n\r\n"
                    + field.getValue()
                    + "\r\n"));
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: text/csv\r\n\r\n");
    body.writeBytes(file);
    write(body, "\r\n--" + boundary + "--\r\n");
    URI uri = URI.create(url);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.toByteArray()))
                    : HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    String session = browser.cookie(uri.getHost(), "sa_session");
    if (session != null) {
      request.header("Cookie", "sa_session=" + session);
    }
    try {
      return HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
