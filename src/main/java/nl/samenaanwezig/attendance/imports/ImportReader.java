package nl.samenaanwezig.attendance.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.samenaanwezig.attendance.Lesson;

/**
 * Reads an import file once, streaming: UTF-8 (a byte order mark is skipped, other encodings are
 * refused), the format recognised by its header line within the first lines, then every data line
 * through that format's parser into one {@link ImportBatch}.
 */
final class ImportReader {
  private static final int HEADER_SEARCH_LINES = 10;

  private ImportReader() {}

  /** A line with its number (1 = first line of the file). */
  private record NumberedLine(int number, String text) {}

  static ImportBatch read(
      InputStream in,
      Roster roster,
      ImportOptions options,
      Function<Lesson.Source, Map<String, LocalDate>> existingLessonDates) {
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1 << 16);
    int number = 0;
    List<NumberedLine> head = new ArrayList<>();
    try {
      String text;
      while (head.size() < HEADER_SEARCH_LINES && (text = reader.readLine()) != null) {
        number++;
        if (number == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (!text.isBlank()) {
          head.add(new NumberedLine(number, text));
        }
      }
      ImportBatch batch = null;
      LineParser parser = null;
      char separator = ',';
      int headerAt = -1;
      for (int i = 0; i < head.size() && parser == null; i++) {
        NumberedLine line = head.get(i);
        separator = Delimited.separatorOf(line.text());
        List<String> cells = Delimited.split(line.text(), separator);
        if (i == 0 && GenericFormat.isHeader(cells)) {
          batch = new ImportBatch(Lesson.Source.CSV, roster);
          parser =
              new GenericFormat(
                  batch, cells, line.number(), existingLessonDates.apply(Lesson.Source.CSV));
        } else if (AttendanceExport.isHeader(cells)) {
          batch = new ImportBatch(Lesson.Source.MOODLE, roster);
          parser = new AttendanceExport(batch, cells, line.number(), options);
        }
        headerAt = i;
      }
      if (parser == null) {
        ImportBatch unknown = new ImportBatch(Lesson.Source.CSV, roster);
        unknown.fileError(
            head.isEmpty() ? 1 : head.get(0).number(),
            head.isEmpty() ? "import.error.empty" : "import.error.format");
        unknown.finish("");
        return unknown;
      }
      if (batch.hasFileError()) {
        batch.finish(parser.studentField());
        return batch;
      }
      for (int i = headerAt + 1; i < head.size(); i++) {
        dataLine(batch, parser, head.get(i), separator);
      }
      while ((text = reader.readLine()) != null && !batch.hasFileError()) {
        number++;
        if (!text.isBlank()) {
          dataLine(batch, parser, new NumberedLine(number, text), separator);
        }
      }
      if (batch.lines() == 0 && !batch.hasFileError()) {
        batch.fileError(number, "import.error.empty");
      }
      batch.finish(parser.studentField());
      return batch;
    } catch (CharacterCodingException e) {
      ImportBatch notUtf8 = new ImportBatch(Lesson.Source.CSV, roster);
      notUtf8.fileError(number + 1, "import.error.encoding");
      notUtf8.finish("");
      return notUtf8;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void dataLine(
      ImportBatch batch, LineParser parser, NumberedLine line, char separator) {
    List<String> cells = Delimited.split(line.text(), separator);
    if (Delimited.blank(cells)) {
      return;
    }
    batch.dataLine();
    parser.line(line.number(), cells);
  }
}
