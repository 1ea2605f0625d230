-- The verzuimprotocol counts per student across every course of the institution. Who sees those
-- figures is the student's mentor: a teacher of the student's mentor group. An institution either
-- treats every course as a class with its mentor (one course per class, the default 'ALL') or marks
-- its mentor groups ('MARKED'); then the other courses are subject courses whose teachers see only
-- their own lessons.
ALTER TABLE institution_setting ADD COLUMN mentor_groups VARCHAR(16) DEFAULT 'ALL' NOT NULL;
ALTER TABLE course ADD COLUMN mentor_group BOOLEAN DEFAULT FALSE NOT NULL;

-- A mentor group's pages and the protocol read a student's day rows of every course: by person and
-- day, answered from the index alone like presence_day_course_figures for one course.
CREATE INDEX presence_day_person_figures ON presence_day (
  person_id, day, course_id, lessons, scheduled_minutes, attended_minutes, unexcused_minutes,
  late_count, sick_lessons, luxury_lessons
);
