-- One active tool key, also when two nodes start at once on an empty database: the active key has
-- active_slot = 1, every other key NULL, and active_slot is unique, so the second node's insert
-- fails (23505), runs again and finds the first node's key (lti.ToolKeys). A database on which
-- that race already made two active keys keeps the newest active; the others retire normally (they
-- stay published for the retiring period, so nothing they signed stops verifying).
UPDATE tool_key SET status = 'RETIRING', retired_at = CURRENT_TIMESTAMP
  WHERE status = 'ACTIVE' AND id < (SELECT MAX(k.id) FROM tool_key k WHERE k.status = 'ACTIVE');
ALTER TABLE tool_key ADD COLUMN active_slot SMALLINT;
UPDATE tool_key SET active_slot = 1 WHERE status = 'ACTIVE';
ALTER TABLE tool_key ADD CONSTRAINT tool_key_one_active UNIQUE (active_slot);
ALTER TABLE tool_key ADD CONSTRAINT tool_key_active_slot CHECK (
  (status = 'ACTIVE' AND active_slot = 1) OR (status <> 'ACTIVE' AND active_slot IS NULL));

-- Scheduled jobs run once across nodes (ops.Jobs): a node runs a job only after taking its row with
-- one conditional UPDATE (due, and no live lease of another node); the first node to run a job
-- inserts its row. holder names the node that ran it last (or runs it now); a node that stops
-- during a run leaves a lease that expires at lease_until, after which another node runs the job.
CREATE TABLE job_lease (
  job_name VARCHAR(64) NOT NULL PRIMARY KEY,
  holder VARCHAR(128) NOT NULL,
  lease_until TIMESTAMP NOT NULL,
  due_at TIMESTAMP NOT NULL
);
