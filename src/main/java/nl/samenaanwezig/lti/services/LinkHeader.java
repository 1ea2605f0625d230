package nl.samenaanwezig.lti.services;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Web links of HTTP {@code Link} headers (RFC 8288): several links per header and several headers,
 * quoted or bare parameters, several relation types per link, relative targets.
 */
public final class LinkHeader {
  private LinkHeader() {}

  /** Target URI per relation type (lower case); the first link of a relation wins. */
  public static Map<String, URI> parse(List<String> values, URI base) {
    Map<String, URI> links = new LinkedHashMap<>();
    for (String value : values) {
      int i = 0;
      while (i < value.length()) {
        int open = value.indexOf('<', i);
        if (open < 0) {
          break;
        }
        int close = value.indexOf('>', open + 1);
        if (close < 0) {
          break;
        }
        String target = value.substring(open + 1, close).strip();
        StringBuilder params = new StringBuilder();
        i = close + 1;
        boolean quoted = false;
        while (i < value.length()) {
          char c = value.charAt(i);
          if (quoted && c == '\\' && i + 1 < value.length()) {
            params.append(c).append(value.charAt(i + 1));
            i += 2;
            continue;
          }
          if (c == '"') {
            quoted = !quoted;
          } else if (c == ',' && !quoted) {
            i++;
            break;
          }
          params.append(c);
          i++;
        }
        String rel = param(params.toString(), "rel");
        URI uri = resolve(base, target);
        if (rel != null && uri != null) {
          for (String given : rel.strip().split("\\s+")) {
            String type = bare(given);
            if (!type.isEmpty()) {
              links.putIfAbsent(type.toLowerCase(Locale.ROOT), uri);
            }
          }
        }
      }
    }
    return links;
  }

  /** The value of one link parameter, unquoted; null when absent. */
  private static String param(String params, String name) {
    int i = 0;
    while (i < params.length()) {
      int semi = params.indexOf(';', i);
      if (semi < 0) {
        return null;
      }
      int start = semi + 1;
      int end = start;
      boolean quoted = false;
      while (end < params.length()) {
        char c = params.charAt(end);
        if (quoted && c == '\\') {
          end += 2;
          continue;
        }
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ';' && !quoted) {
          break;
        }
        end++;
      }
      String part = params.substring(start, Math.min(end, params.length())).strip();
      int eq = part.indexOf('=');
      String key = (eq < 0 ? part : part.substring(0, eq)).strip();
      if (key.equalsIgnoreCase(name) && eq >= 0) {
        return unquote(part.substring(eq + 1).strip());
      }
      i = end;
    }
    return null;
  }

  /**
   * Moodle's line item container pages with rel=“next” in typographic quotes, which arrive as UTF-8
   * bytes read as Latin-1: a relation type with characters outside printable ASCII is read without
   * the non-alphanumeric characters around it.
   */
  private static String bare(String type) {
    if (type.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return type;
    }
    return type.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
    }
    return value;
  }

  private static URI resolve(URI base, String target) {
    try {
      return base == null ? URI.create(target) : base.resolve(target);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
