package nl.samenaanwezig.infocard;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the card's XHTML (the same template as the print page) into a PDF with openhtmltopdf. The
 * text font is DejaVu Sans from Debian's {@code fonts-dejavu-core}: it has Latin, Turkish, Polish,
 * Cyrillic and Arabic letters, so every card language prints with real glyphs.
 */
public final class CardPdf {
  /** Where Debian's fonts-dejavu-core puts DejaVu Sans. */
  public static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");

  static final String FONT_FAMILY = "DejaVu Sans";

  private final Path fontDir;

  public CardPdf() {
    this(DEJAVU);
  }

  CardPdf(Path fontDir) {
    this.fontDir = fontDir;
  }

  /**
   * True when DejaVu Sans is installed. Without it the PDF falls back to the PDF base fonts, which
   * have no Arabic or Cyrillic letters.
   */
  public boolean fontsPresent() {
    return Files.isReadable(regular()) && Files.isReadable(bold());
  }

  /** The PDF of a well-formed XHTML document; it loads nothing from outside. */
  public byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.usePdfUaAccessibility(true);
    builder.withProducer("Samen Aanwezig");
    builder.withHtmlContent(xhtml, null);
    builder.useSVGDrawer(new BatikSVGDrawer());
    builder.useUnicodeBidiSplitter(new RightToLeft.Splitters());
    builder.useUnicodeBidiReorderer(new RightToLeft.Reorderer());
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl(
        (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    if (fontsPresent()) {
      builder.useFont(
          regular().toFile(), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(
          bold().toFile(), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
    }
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the card as PDF", e);
    }
    return out.toByteArray();
  }

  private Path regular() {
    return fontDir.resolve("DejaVuSans.ttf");
  }

  private Path bold() {
    return fontDir.resolve("DejaVuSans-Bold.ttf");
  }
}
