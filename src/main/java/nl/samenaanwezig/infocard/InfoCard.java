package nl.samenaanwezig.infocard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One information card (informatiekaart) as printed: every text already in the card's language,
 * with the institution's protocol numbers filled in. A part the school did not translate yet is
 * shown in Dutch and says so through its own {@code lang}.
 *
 * @param student the student's name on a card printed for one family, else null
 * @param qrSvg the QR code (SVG) of the public card link, null when there is none (preview)
 */
public record InfoCard(
    CardLanguage language,
    Text title,
    String school,
    String course,
    String student,
    List<Block> blocks,
    Text changedLabel,
    String changed,
    Text scanLabel,
    String publicUrl,
    String qrSvg) {

  public InfoCard {
    Objects.requireNonNull(language, "a card is in a language");
    blocks = List.copyOf(blocks);
  }

  /**
   * Text in a language: {@code lang} and {@code dir} are null when they are the card's own, set
   * (e.g. "nl", "ltr") when a part falls back to Dutch on a card in another language.
   */
  public record Text(String text, String lang, String dir) {

    static Text of(String text, CardLanguage written, CardLanguage card) {
      return written == card
          ? new Text(text, null, null)
          : new Text(text, written.tag(), written.dir());
    }

    /** The text as paragraphs and lists: blank lines part paragraphs, "- " starts an item. */
    public List<Piece> pieces() {
      List<Piece> pieces = new ArrayList<>();
      for (String paragraph : text.strip().split("\\n\\s*\\n")) {
        List<String> lines =
            paragraph.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> run = new ArrayList<>();
        Boolean listRun = null;
        for (String line : lines) {
          boolean item = line.startsWith("- ") || line.startsWith("• ");
          if (listRun != null && listRun != item) {
            pieces.add(new Piece(listRun, run));
            run = new ArrayList<>();
          }
          listRun = item;
          run.add(item ? line.substring(2).strip() : line);
        }
        if (!run.isEmpty()) {
          pieces.add(new Piece(listRun, run));
        }
      }
      return pieces;
    }
  }

  /** A paragraph (lines kept apart by line breaks) or a bulleted list. */
  public record Piece(boolean list, List<String> lines) {
    public Piece {
      lines = List.copyOf(lines);
    }
  }

  /** A mentor on the card: name, and the number they chose to share (or null). */
  public record Mentor(String name, String phone, String dial) {}

  /**
   * One block of the card with its icon ({@code rules}, {@code report}, {@code mentor}, {@code
   * protocol}, {@code help}): a heading, the school's text, list items (protocol steps), mentors.
   */
  public record Block(
      String icon,
      Text heading,
      Text body,
      List<Text> items,
      List<Mentor> mentors,
      Text phoneLabel,
      Text note) {

    public Block {
      items = List.copyOf(items);
      mentors = List.copyOf(mentors);
    }
  }
}
