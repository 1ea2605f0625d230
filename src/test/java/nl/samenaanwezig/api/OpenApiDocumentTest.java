package nl.samenaanwezig.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.samenaanwezig.testing.Browser;
import nl.samenaanwezig.testing.ToolServer;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document stays true: every path and method in it is a resource method
 * under /api, and every resource method under /api is in it; and it is what /api/openapi.json
 * serves.
 */
class OpenApiDocumentTest {

  private static JsonObject document() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/api/openapi.json")) {
      return Json.createReader(in).readObject();
    }
  }

  /** "GET /api/v1/..." for each operation in the document. */
  private static Set<String> documented() throws IOException {
    Set<String> operations = new TreeSet<>();
    JsonObject paths = document().getJsonObject("paths");
    for (String path : paths.keySet()) {
      for (String key : paths.getJsonObject(path).keySet()) {
        if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key)) {
          operations.add(key.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    return operations;
  }

  /** "GET /api/v1/..." for each JAX-RS resource method of our classes under /api. */
  private static Set<String> implemented() throws IOException, URISyntaxException {
    java.nio.file.Path root =
        Paths.get(
            OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> operations = new TreeSet<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type;
        try {
          type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null || !join("", classPath.value()).startsWith("/api/")) {
          continue;
        }
        for (Method m : type.getMethods()) {
          for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
              Path sub = m.getAnnotation(Path.class);
              String full = join(classPath.value(), sub == null ? "" : sub.value());
              operations.add(http.value() + " " + full);
            }
          }
        }
      }
    }
    return operations;
  }

  private static String join(String a, String b) {
    String path = ("/" + a + "/" + b).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  @Test
  void documentsExactlyTheApiResourceMethods() throws Exception {
    Set<String> implemented = implemented();
    assertTrue(implemented.contains("PUT /api/v1/courses/{contextId}/lessons/{externalId}/marks"));
    assertEquals(implemented, documented());
  }

  @Test
  void isAnOpenApi3DocumentWhoseReferencesResolve() throws IOException {
    JsonObject doc = document();
    assertTrue(doc.getString("openapi").startsWith("3."));
    String text = doc.toString();
    java.util.regex.Matcher ref = java.util.regex.Pattern.compile("\"#/([^\"]+)\"").matcher(text);
    while (ref.find()) {
      JsonObject at = doc;
      String[] parts = ref.group(1).split("/");
      for (int i = 0; i < parts.length; i++) {
        assertTrue(at.containsKey(parts[i]), "unresolved $ref #/" + ref.group(1));
        if (i < parts.length - 1) {
          at = at.getJsonObject(parts[i]);
        }
      }
    }
  }

  @Test
  void isServedAtApiOpenapiJson() throws IOException {
    try (ToolServer tool = ToolServer.start()) {
      var response = new Browser().get(tool.baseUrl() + "/api/openapi.json");
      assertEquals(200, response.statusCode());
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      assertEquals(document(), Json.createReader(new StringReader(response.body())).readObject());
    }
  }
}
