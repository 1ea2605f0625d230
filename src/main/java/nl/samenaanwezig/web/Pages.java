package nl.samenaanwezig.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders server-side HTML pages from Thymeleaf templates ({@code templates/*.html}) with texts
 * from the resource bundle {@code i18n/messages} (Dutch default, English second).
 */
public final class Pages {
  private final TemplateEngine engine = new TemplateEngine();
  private final boolean demo;

  public Pages(boolean demo) {
    this.demo = demo;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new BundleMessages());
  }

  /** Renders a template; every page also gets {@code lang}, {@code demo} and {@code dir}. */
  public String render(String template, Locale locale, Map<String, ?> variables) {
    Map<String, Object> vars = new HashMap<>(variables);
    vars.put("lang", locale.getLanguage());
    vars.put("demo", demo);
    vars.putIfAbsent("dir", "ltr");
    return engine.process(template, new Context(locale, vars));
  }

  /** The texts of these keys, e.g. a table's header row. */
  public static List<String> texts(Locale locale, String... keys) {
    return Arrays.stream(keys).map(k -> text(locale, k)).toList();
  }

  /** One text from the bundle, formatted, outside a template. */
  public static String text(Locale locale, String key, Object... args) {
    String pattern = bundle(locale).getString(key);
    // A text without arguments, quotes or braces is what MessageFormat would make of it; most of
    // a page's texts are such, and parsing a MessageFormat for each costs more than the rest.
    if (args.length == 0 && pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0) {
      return pattern;
    }
    // Otherwise always through MessageFormat, so every text writes an apostrophe the same way ('').
    return new java.text.MessageFormat(pattern, locale).format(args);
  }

  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        "i18n.messages",
        Locales.supported(locale),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** Thymeleaf #{...} lookups against our bundle; a missing key shows as ??key?? in tests. */
  private static final class BundleMessages extends AbstractMessageResolver {
    @Override
    public String resolveMessage(
        ITemplateContext context, Class<?> origin, String key, Object[] args) {
      try {
        return text(context.getLocale(), key, args == null ? new Object[0] : args);
      } catch (MissingResourceException e) {
        return null;
      }
    }

    @Override
    public String createAbsentMessageRepresentation(
        ITemplateContext context, Class<?> origin, String key, Object[] args) {
      return "??" + key + "??";
    }
  }
}
