package nl.samenaanwezig.api;

import java.util.List;
import nl.samenaanwezig.attendance.Lesson;
import nl.samenaanwezig.attendance.Mark;
import nl.samenaanwezig.lti.Course;

/** A lesson with its marks as the API answers it (group left out when there is none). */
public record LessonView(
    String contextId,
    String externalId,
    String date,
    String start,
    String end,
    int scheduledMinutes,
    String group,
    List<MarkView> marks) {

  /** One student's mark: the platform's user id, category, minutes late, when it was set. */
  public record MarkView(String student, String category, int lateMinutes, String registeredAt) {}

  static LessonView of(Course course, Lesson lesson, List<Mark> marks) {
    return new LessonView(
        course.contextId(),
        lesson.externalId(),
        lesson.date().toString(),
        lesson.start().toString(),
        lesson.end().toString(),
        lesson.scheduledMinutes(),
        lesson.groupName(),
        marks.stream()
            .map(
                m ->
                    new MarkView(
                        m.student().subject(),
                        m.entry().category().name(),
                        m.entry().lateMinutes(),
                        m.registeredAt().toString()))
            .toList());
  }
}
