-- Idle timeout (SA_IDLE_MINUTES): when a session was last used. Written at most once a minute per
-- session, not on every request; NULL for sessions opened before this column (their created_at
-- counts). Portable SQL.

ALTER TABLE user_session ADD COLUMN last_seen TIMESTAMP;
