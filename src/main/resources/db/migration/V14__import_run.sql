-- One attendance import per course at a time (attendance.imports.ImportRuns): a row exists while an
-- import writes; a second import of the same course is refused until it is gone. A row older than
-- an hour is left over from a stopped node and is taken over.

CREATE TABLE import_run (
  course_id BIGINT NOT NULL PRIMARY KEY REFERENCES course (id),
  started_at TIMESTAMP NOT NULL
);
