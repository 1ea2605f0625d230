package nl.samenaanwezig.demo;

import java.util.List;

/** The made-up school of the demo: one class of 25 students, their mentor and an administrator. */
public final class DemoSchool {
  private DemoSchool() {}

  /** A demo user as the demo platform knows them. */
  public record User(String sub, String givenName, String familyName, String role) {
    public String name() {
      return givenName + " " + familyName;
    }

    String email() {
      String local =
          (givenName + "." + familyName)
              .toLowerCase(java.util.Locale.ROOT)
              .replace(' ', '.')
              .replaceAll("[^a-z.]", "");
      return local + "@demo.samenaanwezig.invalid";
    }
  }

  static final String CLIENT_ID = "samen-aanwezig-demo";
  static final String DEPLOYMENT_ID = "demo-deployment-1";
  static final String CONTEXT_ID = "demo-course-zorg-1a";
  static final String CONTEXT_TITLE = "Verzorgende IG — klas 1A (demo)";
  static final String CONTEXT_LABEL = "VIG-1A";
  static final String RESOURCE_LINK_ID = "demo-link-klas";
  static final String INSTITUTION = "Demo MBO College";

  static final User MENTOR = new User("demo-mentor-1", "Sanne", "de Vries", "mentor");
  static final User ADMIN = new User("demo-admin-1", "Ahmed", "Bakker", "admin");

  static final List<User> STUDENTS =
      List.of(
          student(1, "Yasmine", "El Amrani"),
          student(2, "Daan", "Jansen"),
          student(3, "Emma", "de Boer"),
          student(4, "Mehmet", "Yılmaz"),
          student(5, "Sophie", "Visser"),
          student(6, "Noah", "Smit"),
          student(7, "Julia", "Meijer"),
          student(8, "Liam", "Mulder"),
          student(9, "Olha", "Kovalenko"),
          student(10, "Sem", "de Groot"),
          student(11, "Fatima", "Bouzid"),
          student(12, "Lucas", "Bos"),
          student(13, "Zoë", "Vos"),
          student(14, "Milan", "Peters"),
          student(15, "Lotte", "Hendriks"),
          student(16, "Kacper", "Nowak"),
          student(17, "Sara", "van Dijk"),
          student(18, "Jesse", "Dekker"),
          student(19, "Aya", "Haddou"),
          student(20, "Thijs", "van Leeuwen"),
          student(21, "Isa", "Brouwer"),
          student(22, "Ravi", "Ramdin"),
          student(23, "Nina", "de Wit"),
          student(24, "Finn", "Koster"),
          student(25, "Esra", "Demir"));

  private static User student(int n, String given, String family) {
    return new User(String.format("demo-student-%02d", n), given, family, "student");
  }

  static User find(String sub) {
    if (MENTOR.sub().equals(sub)) {
      return MENTOR;
    }
    if (ADMIN.sub().equals(sub)) {
      return ADMIN;
    }
    return STUDENTS.stream().filter(s -> s.sub().equals(sub)).findFirst().orElse(null);
  }
}
