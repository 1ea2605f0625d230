-- The class page (attendance.ClassFigures, protocol.Signals, contacts.GoodNews) reads a course's
-- day rows over a range of days. With only (course_id, day) in the index, every row it found was
-- fetched again from the table; this index holds every column those queries read, so they are
-- answered from the index alone. It replaces presence_day_course, whose columns it begins with.
CREATE INDEX presence_day_course_figures ON presence_day (
  course_id, day, person_id, lessons, scheduled_minutes, attended_minutes, unexcused_minutes,
  late_count, sick_lessons, luxury_lessons
);
DROP INDEX presence_day_course;
