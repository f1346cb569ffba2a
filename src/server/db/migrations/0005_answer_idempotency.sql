-- Offline practice: an answer sent again (a lost response, a replayed offline queue) carries the same
-- Idempotency-Key and finds the attempt already stored, so each answer is stored exactly once.
ALTER TABLE attempts ADD COLUMN IF NOT EXISTS idempotency_key text;
CREATE UNIQUE INDEX IF NOT EXISTS attempts_idempotency_key_idx ON attempts (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
