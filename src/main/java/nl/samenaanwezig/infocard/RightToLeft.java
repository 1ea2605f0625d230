package nl.samenaanwezig.infocard;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;

/**
 * Right-to-left text for the PDF with ICU: the Unicode bidi algorithm splits mixed lines into runs,
 * and Arabic letters get their joined forms (a PDF draws glyphs as given, so unshaped Arabic would
 * show as separate letters). The openhtmltopdf module for this is not on our registry.
 */
final class RightToLeft {
  private RightToLeft() {}

  static final class Splitters implements BidiSplitterFactory {
    @Override
    public BidiSplitter createBidiSplitter() {
      return new Splitter();
    }
  }

  /** Splits a paragraph into runs in visual order (Unicode bidi algorithm, UAX #9). */
  static final class Splitter implements BidiSplitter {
    private Bidi bidi;

    @Override
    public void setParagraph(String text, byte direction) {
      byte level =
          switch (direction) {
            case BidiSplitter.RTL -> Bidi.RTL;
            case BidiSplitter.LTR -> Bidi.LTR;
            default -> Bidi.LEVEL_DEFAULT_LTR;
          };
      bidi = new Bidi();
      bidi.setPara(text, level, null);
    }

    @Override
    public int countTextRuns() {
      return bidi.countRuns();
    }

    @Override
    public BidiTextRun getVisualRun(int index) {
      BidiRun run = bidi.getVisualRun(index);
      return new BidiTextRun(
          run.getStart(), run.getLength(), run.isOddRun() ? BidiSplitter.RTL : BidiSplitter.LTR);
    }

    @Override
    public byte getBaseDirection(String text) {
      return switch (Bidi.getBaseDirection(text)) {
        case Bidi.RTL -> BidiSplitter.RTL;
        case Bidi.LTR -> BidiSplitter.LTR;
        default -> BidiSplitter.NEUTRAL;
      };
    }
  }

  /** Reverses right-to-left runs for drawing and shapes Arabic letters. */
  static final class Reorderer implements BidiReorderer {
    @Override
    public String reorderRTLTextToLTR(String text) {
      return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
    }

    @Override
    public String shapeText(String text) {
      return shape(text, ArabicShaping.LETTERS_SHAPE);
    }

    @Override
    public String deshapeText(String text) {
      return shape(text, ArabicShaping.LETTERS_UNSHAPE);
    }

    @Override
    public boolean isLiveImplementation() {
      return true;
    }

    private static String shape(String text, int letters) {
      try {
        return new ArabicShaping(
                letters | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK)
            .shape(text);
      } catch (ArabicShapingException e) {
        // Text ICU cannot shape is drawn as it is: readable letters beat no text at all.
        return text;
      }
    }
  }
}
