package nl.samenaanwezig.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Layout checks on the page the driver (or its current frame) shows: sideways scrolling, an element
 * within the visible width, where the keyboard focus is (WCAG 2.4.7, 2.4.11) and target sizes (WCAG
 * 2.5.8).
 */
public final class Layout {
  private Layout() {}

  /**
   * The page is no wider than its view. A page wider than a phone makes Chromium zoom out, so
   * innerWidth grows too; clientWidth does not.
   */
  public static void assertNoSidewaysScroll(WebDriver driver, String page) {
    long scroll = number(driver, "return document.documentElement.scrollWidth");
    long client = number(driver, "return document.documentElement.clientWidth");
    assertTrue(scroll <= client, page + " scrolls sideways: " + scroll + " > " + client);
  }

  /** None of the elements matching {@code css} (scrolling regions) is wider than its view. */
  public static void assertRegionsDoNotScrollSideways(WebDriver driver, String css, String page) {
    @SuppressWarnings("unchecked")
    List<String> wide =
        (List<String>)
            script(
                driver,
                "return [...document.querySelectorAll(arguments[0])]"
                    + ".filter((el) => el.scrollWidth > el.clientWidth)"
                    + ".map((el) => el.outerHTML.substring(0, 80) + ' ' + el.scrollWidth"
                    + " + ' > ' + el.clientWidth);",
                css);
    assertTrue(wide.isEmpty(), page + ": regions scroll sideways " + wide);
  }

  /** The element lies within the page's visible width and within any scrolling region around it. */
  public static void assertWithinVisibleWidth(WebDriver driver, WebElement element, String what) {
    @SuppressWarnings("unchecked")
    List<Number> edges =
        (List<Number>)
            script(
                driver,
                "const r = arguments[0].getBoundingClientRect();"
                    + " let left = 0, right = document.documentElement.clientWidth;"
                    + " for (let p = arguments[0].parentElement; p; p = p.parentElement) {"
                    + "   if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) {"
                    + "     const b = p.getBoundingClientRect();"
                    + "     left = Math.max(left, b.left); right = Math.min(right, b.right);"
                    + "   }"
                    + " }"
                    + " return [r.left, r.right, left, right];",
                element);
    double left = edges.get(0).doubleValue();
    double right = edges.get(1).doubleValue();
    double from = edges.get(2).doubleValue();
    double to = edges.get(3).doubleValue();
    assertTrue(
        left >= from - 0.5 && right <= to + 0.5,
        what + " spans " + left + "-" + right + ", visible is " + from + "-" + to);
  }

  /**
   * Empty when the focused element shows a focus indicator and the point at its middle (within the
   * view) belongs to it, so nothing sticky or positioned covers it; otherwise what is wrong.
   */
  public static String focusProblem(WebDriver driver) {
    return (String) script(driver, FOCUS_PROBLEM);
  }

  /** The visible targets matching {@code css} that are narrower or lower than 24 CSS px. */
  @SuppressWarnings("unchecked")
  public static List<String> targetsUnder24Px(WebDriver driver, String css) {
    return (List<String>)
        script(
            driver,
            "return [...document.querySelectorAll(arguments[0])]"
                + ".filter((el) => el.getClientRects().length > 0)"
                + ".map((el) => [el, el.getBoundingClientRect()])"
                + ".filter(([el, r]) => r.width < 24 || r.height < 24)"
                + ".map(([el, r]) => el.outerHTML.substring(0, 80) + ' ' + r.width + 'x'"
                + " + r.height);",
            css);
  }

  private static final String FOCUS_PROBLEM =
      """
      const el = document.activeElement;
      if (!el || el === document.body) return 'focus left the page';
      const describe = el.outerHTML.substring(0, 100);
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
          || style.boxShadow !== 'none';
      if (!ring) return 'no visible focus: ' + describe;
      const r = el.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) {
        return 'focus out of view: ' + describe;
      }
      const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      if (!top || !(el === top || el.contains(top))) {
        return 'focus covered by ' + (top ? top.outerHTML.substring(0, 80) : 'nothing') + ': '
            + describe;
      }
      return '';
      """;

  private static long number(WebDriver driver, String js) {
    return ((Number) script(driver, js)).longValue();
  }

  private static Object script(WebDriver driver, String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }
}
