-- Course roster via LTI Names and Role Provisioning Services 2.0: the membership service URL a
-- launch offered, when a member was last listed by it, and how the syncs of each course went.
-- Portable SQL: runs on Derby and PostgreSQL alike.

ALTER TABLE course ADD COLUMN memberships_url VARCHAR(2000);

ALTER TABLE member ADD COLUMN roster_seen_at TIMESTAMP;

CREATE TABLE roster_sync (
  course_id BIGINT NOT NULL PRIMARY KEY REFERENCES course (id),
  differences_url VARCHAR(2000),
  last_success_at TIMESTAMP,
  last_full_at TIMESTAMP,
  last_attempt_at TIMESTAMP,
  last_error VARCHAR(500),
  failures INTEGER NOT NULL,
  next_attempt_at TIMESTAMP
);
