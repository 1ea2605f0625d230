-- A change row also keeps who registered the value it replaced, and how and when: with that, a new
-- mark needs no history row of its own (its registration is on the mark until it changes), which
-- halves the rows a first import of a school year writes. Rows written before this version keep
-- their first-registration rows (old_category NULL); their later changes get the previous
-- registration copied from the row before them, so every history reads the same way.
ALTER TABLE mark_change ADD COLUMN old_by BIGINT;
ALTER TABLE mark_change ADD COLUMN old_via VARCHAR(16);
ALTER TABLE mark_change ADD COLUMN old_at TIMESTAMP;

UPDATE mark_change SET
  old_by = (SELECT p.changed_by FROM mark_change p WHERE p.id = (
    SELECT MAX(q.id) FROM mark_change q WHERE q.mark_id = mark_change.mark_id AND q.id < mark_change.id)),
  old_via = (SELECT p.changed_via FROM mark_change p WHERE p.id = (
    SELECT MAX(q.id) FROM mark_change q WHERE q.mark_id = mark_change.mark_id AND q.id < mark_change.id)),
  old_at = (SELECT p.changed_at FROM mark_change p WHERE p.id = (
    SELECT MAX(q.id) FROM mark_change q WHERE q.mark_id = mark_change.mark_id AND q.id < mark_change.id))
WHERE old_category IS NOT NULL;
