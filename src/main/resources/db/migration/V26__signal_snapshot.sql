-- The administrator's signal list of a whole institution, as the protocol last evaluated it: one
-- row per signal (each student once, under their mentor group). Evaluating every student of a
-- large school takes seconds, so a background job refreshes this (and an acknowledgement refreshes
-- its student at once); the page reads these rows. Nothing here is kept that the protocol cannot
-- compute again from marks and acknowledgements.
CREATE TABLE signal_snapshot (
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  person_id BIGINT NOT NULL,
  course_id BIGINT NOT NULL,
  rule VARCHAR(16) NOT NULL,
  step_level INTEGER NOT NULL,
  open_step BOOLEAN NOT NULL,
  fact VARCHAR(40),
  amount BIGINT NOT NULL,
  from_day DATE,
  to_day DATE,
  since_day DATE,
  due_day DATE,
  ack_id BIGINT,
  ack_by VARCHAR(300),
  ack_at TIMESTAMP,
  ack_reported_on DATE,
  ack_note VARCHAR(1000)
);
CREATE INDEX signal_snapshot_institution ON signal_snapshot (institution_id, person_id);

-- When each institution's rows were computed, and for which school day. Its row is also the lock
-- that keeps two refreshes (two nodes) from interleaving their deletes and inserts.
CREATE TABLE signal_snapshot_run (
  institution_id BIGINT NOT NULL PRIMARY KEY REFERENCES institution (id),
  school_day DATE NOT NULL,
  computed_at TIMESTAMP NOT NULL
);
