package nl.samenaanwezig.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import nl.samenaanwezig.config.AppConfig;
import nl.samenaanwezig.db.Database;
import nl.samenaanwezig.lti.PlatformJson;
import nl.samenaanwezig.lti.PlatformSettings;
import nl.samenaanwezig.lti.Platforms;

/**
 * Imports platform registrations from JSON files (format: lti-config/platform-registration.example
 * .json) without a launch: the first platform of a new installation has no administrator page to
 * reach yet. Runs at start-up for {@code SA_PLATFORMS} (a file or a folder of *.json) and as a
 * command: {@code java -cp "WEB-INF/lib/*:WEB-INF/classes" nl.samenaanwezig.admin.PlatformImport
 * FILE...}.
 */
public final class PlatformImport {
  private static final Logger LOG = Logger.getLogger(PlatformImport.class.getName());

  private PlatformImport() {}

  /** A file that could not be imported, and why (message keys of PlatformSettings or a reason). */
  public record Refusal(Path file, List<String> problems) {}

  /** Imports every registration under a path; returns the refusals (empty when all imported). */
  public static List<Refusal> importPath(Path path, Platforms platforms) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> list = Files.list(path)) {
        list.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    } else {
      files.add(path);
    }
    List<Refusal> refusals = new ArrayList<>();
    for (Path file : files) {
      PlatformSettings settings;
      try {
        settings = PlatformJson.parse(Files.readString(file, StandardCharsets.UTF_8));
      } catch (ParseException e) {
        refusals.add(new Refusal(file, List.of("admin.import.notJson")));
        continue;
      }
      if (!settings.problems().isEmpty()) {
        refusals.add(new Refusal(file, settings.problems()));
        continue;
      }
      platforms.register(settings, Optional.empty(), false);
      LOG.info(() -> "imported platform " + settings.issuer() + " from " + file);
    }
    return refusals;
  }

  /** The path named by {@code samen.platforms} / {@code SA_PLATFORMS}, if any. */
  public static Optional<Path> configuredPath() {
    String value = System.getProperty("samen.platforms");
    if (value == null || value.isBlank()) {
      value = System.getenv("SA_PLATFORMS");
    }
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(value.strip()));
  }

  /** Command-line import into the database configured by the environment (as the tool uses). */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: PlatformImport FILE_OR_FOLDER...");
      System.exit(2);
    }
    try (Database db = Database.open(AppConfig.fromEnvironment())) {
      Platforms platforms = new Platforms(db, Clock.systemUTC());
      int failed = 0;
      for (String arg : args) {
        for (Refusal refusal : importPath(Path.of(arg), platforms)) {
          System.err.println(refusal.file() + ": " + String.join(", ", refusal.problems()));
          failed++;
        }
      }
      System.exit(failed == 0 ? 0 : 1);
    }
  }
}
