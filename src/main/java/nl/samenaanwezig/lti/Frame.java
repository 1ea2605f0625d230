package nl.samenaanwezig.lti;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every signed-in page shows around its content: name, menu, language switch. */
public final class Frame {
  private Frame() {}

  /** One menu entry. */
  public record NavItem(String href, String key, boolean current) {}

  /** The shared template variables for a page at {@code path} of this session. */
  public static Map<String, Object> of(Session session, String path) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("userName", session.person().displayName());
    vars.put("csrf", session.csrfToken());
    vars.put("back", path);
    List<NavItem> nav = new ArrayList<>();
    session
        .course()
        .filter(c -> session.has(Role.MENTOR))
        .ifPresent(c -> nav.add(item("/class/" + c.id(), "nav.class", path)));
    if (session.has(Role.STUDENT)) {
      nav.add(item("/me", "nav.me", path));
    }
    if (session.has(Role.ADMIN)) {
      nav.add(item("/admin", "nav.admin", path));
    }
    vars.put("nav", nav);
    return vars;
  }

  private static NavItem item(String href, String key, String path) {
    return new NavItem(href, key, path.equals(href));
  }
}
