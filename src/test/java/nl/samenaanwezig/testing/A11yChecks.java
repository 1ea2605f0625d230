package nl.samenaanwezig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Basic automated accessibility checks (WCAG 2.1 A/AA essentials) run in the browser on the
 * rendered page, without npm tooling: language, title, one h1, a main landmark, labelled form
 * fields, image alternatives, named buttons, links and frames, keyboard-scrollable regions, unique
 * ids.
 */
public final class A11yChecks {
  private A11yChecks() {}

  /**
   * Accessible name as far as these checks need it: aria-labelledby, aria-label, text content,
   * images' alt text, an input button's value, and title as the last resort.
   */
  private static final String SCRIPT =
      """
      const problems = [];
      const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
      const byIds = (ids) => ids.split(/\\s+/)
          .map((id) => document.getElementById(id)).filter((x) => x).map(text).join(' ').trim();
      const name = (el) => {
        if (el.getAttribute('aria-labelledby')) {
          const n = byIds(el.getAttribute('aria-labelledby'));
          if (n) return n;
        }
        if ((el.getAttribute('aria-label') || '').trim()) return el.getAttribute('aria-label').trim();
        const own = text(el) + ' ' + Array.from(el.querySelectorAll('img[alt]'))
            .map((i) => i.alt).join(' ');
        if (own.trim()) return own.trim();
        if (el.tagName === 'INPUT' && (el.value || '').trim()) return el.value.trim();
        return (el.getAttribute('title') || '').trim();
      };
      const describe = (el) => el.outerHTML.substring(0, 120);
      const hidden = (el) => el.closest('[hidden], [aria-hidden="true"]') !== null;

      if (!(document.documentElement.getAttribute('lang') || '').trim()) {
        problems.push('html has no lang');
      }
      if (!document.title.trim()) problems.push('page has no title');
      const h1s = document.querySelectorAll('h1');
      if (h1s.length !== 1) problems.push('expected one h1, found ' + h1s.length);
      h1s.forEach((h) => { if (!text(h)) problems.push('empty h1'); });
      if (document.querySelectorAll('main, [role="main"]').length !== 1) {
        problems.push('expected one main landmark');
      }
      document.querySelectorAll('input, select, textarea').forEach((el) => {
        const type = (el.getAttribute('type') || '').toLowerCase();
        if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) return;
        const labelled = (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]'))
            || el.closest('label')
            || (el.getAttribute('aria-label') || '').trim()
            || (el.getAttribute('aria-labelledby') && byIds(el.getAttribute('aria-labelledby')));
        if (!labelled) problems.push('form field without label: ' + describe(el));
      });
      document.querySelectorAll('img').forEach((img) => {
        if (!img.hasAttribute('alt')) problems.push('image without alt: ' + describe(img));
      });
      document.querySelectorAll('a[href], button, input[type="submit"], input[type="button"],'
          + ' [role="button"], [role="link"]').forEach((el) => {
        if (!hidden(el) && !name(el)) problems.push('control without accessible name: ' + describe(el));
      });
      document.querySelectorAll('iframe').forEach((f) => {
        if (!(f.getAttribute('title') || '').trim()) problems.push('iframe without title');
      });
      // A region that scrolls sideways must be reachable by keyboard to scroll it (WCAG 2.1.1).
      document.querySelectorAll('body *').forEach((el) => {
        const style = getComputedStyle(el);
        const scrolls = ['auto', 'scroll'].includes(style.overflowX)
            && el.scrollWidth > el.clientWidth;
        if (scrolls && el.tabIndex < 0 && !el.querySelector('a[href], button, input, select, textarea')) {
          problems.push('scrollable region not keyboard-focusable: ' + describe(el));
        }
      });
      const seen = new Set();
      document.querySelectorAll('[id]').forEach((el) => {
        if (seen.has(el.id)) problems.push('duplicate id: ' + el.id);
        seen.add(el.id);
      });
      return problems;
      """;

  /** The problems on the page the driver (or its current frame) shows; empty when none. */
  @SuppressWarnings("unchecked")
  public static List<String> problems(WebDriver driver) {
    return (List<String>) ((JavascriptExecutor) driver).executeScript(SCRIPT);
  }

  /** Fails with every problem found on the current page, naming the page. */
  public static void assertNone(WebDriver driver, String page) {
    assertEquals(List.of(), problems(driver), "accessibility problems on " + page);
  }
}
