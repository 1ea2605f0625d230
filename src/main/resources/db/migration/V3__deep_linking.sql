-- Deep Linking 2.0: a deep linking launch may answer the platform once. The time it did so is kept
-- on the session, so a replayed form post cannot send a second response. Portable SQL.

ALTER TABLE user_session ADD COLUMN deep_link_answered_at TIMESTAMP;
