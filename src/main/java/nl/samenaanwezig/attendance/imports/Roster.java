package nl.samenaanwezig.attendance.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.samenaanwezig.lti.Member;
import nl.samenaanwezig.lti.Person;

/**
 * The students of one course as an import file names them: by the platform's user id ({@code sub},
 * which is Moodle's user id) or by e-mail address. Only active members with the student role count.
 */
final class Roster {
  static final int UNKNOWN = -1;
  static final int AMBIGUOUS = -2;

  private final long[] personIds;
  private final Map<String, Integer> bySubject = new HashMap<>();
  private final Map<String, Integer> byEmail = new HashMap<>();

  Roster(List<Member> students) {
    if (students.size() >= 1 << 16) {
      throw new IllegalArgumentException("an import handles up to 65,535 students per course");
    }
    personIds = new long[students.size()];
    for (int i = 0; i < students.size(); i++) {
      Person p = students.get(i).person();
      personIds[i] = p.id();
      bySubject.put(p.subject(), i);
      if (p.email() != null && !p.email().isBlank()) {
        byEmail.merge(p.email().strip().toLowerCase(Locale.ROOT), i, (a, b) -> AMBIGUOUS);
      }
    }
  }

  /** The student's index, {@link #UNKNOWN}, or {@link #AMBIGUOUS} for a shared e-mail address. */
  int find(String id) {
    Integer bySub = bySubject.get(id);
    if (bySub != null) {
      return bySub;
    }
    if (id.indexOf('@') > 0) {
      return byEmail.getOrDefault(id.toLowerCase(Locale.ROOT), UNKNOWN);
    }
    return UNKNOWN;
  }

  int findBySubject(String id) {
    return bySubject.getOrDefault(id, UNKNOWN);
  }

  int findByEmail(String email) {
    return byEmail.getOrDefault(email.strip().toLowerCase(Locale.ROOT), UNKNOWN);
  }

  long personId(int index) {
    return personIds[index];
  }

  int size() {
    return personIds.length;
  }
}
