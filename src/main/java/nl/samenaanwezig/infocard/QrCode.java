package nl.samenaanwezig.infocard;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as inline SVG: one path of black modules on white, sharp at any print size, the same
 * markup for the page and the PDF.
 */
final class QrCode {
  /** 30 mm at the 96 pixels per inch of CSS: big enough for any phone camera on a fridge. */
  static final int SIZE_PX = 113;

  private QrCode() {}

  /** The code for {@code content}, with {@code label} as its text alternative. */
  static String svg(String content, String label) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  content,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.MARGIN,
                      2,
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode " + content.length() + " characters", e);
    }
    int w = matrix.getWidth();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      int x = 0;
      while (x < w) {
        if (!matrix.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < w && matrix.get(x, y)) {
          x++;
        }
        path.append('M')
            .append(start)
            .append(' ')
            .append(y)
            .append('h')
            .append(x - start)
            .append("v1h-")
            .append(x - start)
            .append('z');
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\""
        + xml(label)
        // alt: what the PDF's tagged (PDF/UA) version reads out; browsers use aria-label.
        + "\" alt=\""
        + xml(label)
        + "\" width=\""
        + SIZE_PX
        + "\" height=\""
        + SIZE_PX
        + "\" viewBox=\"0 0 "
        + w
        + " "
        + w
        + "\" shape-rendering=\"crispEdges\"><rect width=\""
        + w
        + "\" height=\""
        + w
        + "\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\""
        + path
        + "\"/></svg>";
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
