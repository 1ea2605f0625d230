-- LTI Assignment and Grade Services 2.0: the line item container URL a course's launches offered and
-- the scopes granted with it, and the institution options an administrator sets (grades off by
-- default). Portable SQL: runs on Derby and PostgreSQL alike.

ALTER TABLE course ADD COLUMN lineitems_url VARCHAR(2000);

ALTER TABLE course ADD COLUMN ags_scopes VARCHAR(1000);

CREATE TABLE institution_setting (
  institution_id BIGINT NOT NULL PRIMARY KEY REFERENCES institution (id),
  meeting_grades BOOLEAN NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
