-- Supervision of inspection records, granted deliberately, and an audit log of every grant and every
-- read of someone else's record. Group membership (training) no longer opens an examiner's records.

-- When the server first stored the record (server time, unlike started_at, which the device sends).
-- Records stored before this migration count as made at their last store: before any grant.
ALTER TABLE inspections ADD COLUMN IF NOT EXISTS created_at timestamptz;
UPDATE inspections SET created_at = stored_at WHERE created_at IS NULL;
ALTER TABLE inspections ALTER COLUMN created_at SET DEFAULT now();
ALTER TABLE inspections ALTER COLUMN created_at SET NOT NULL;

-- An admin proposes that `supervisor_id` reads the records of `examiner_id`; nothing is readable until
-- the examiner accepts. Records made from accepted_at until the grant ends (ends_at, or ended_at when
-- ended early) become readable by the supervisor; none made before or after.
CREATE TABLE IF NOT EXISTS supervision_grants (
  id uuid PRIMARY KEY,
  examiner_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  supervisor_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  proposed_by text NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  -- The end the admin set (NULL: until ended).
  ends_at timestamptz,
  accepted_at timestamptz,
  -- Declined, withdrawn or revoked: when, and by whom.
  ended_at timestamptz,
  ended_by text,
  CHECK (examiner_id <> supervisor_id),
  CHECK (proposed_by <> supervisor_id)
);
CREATE INDEX IF NOT EXISTS supervision_grants_examiner_idx ON supervision_grants (examiner_id);
CREATE INDEX IF NOT EXISTS supervision_grants_supervisor_idx ON supervision_grants (supervisor_id);

-- Who did what to whose records, when: grants (proposed, accepted, declined, ended) and every read of
-- another officer's record, its exports and photos. Only appended: the trigger refuses changes.
CREATE TABLE IF NOT EXISTS record_access_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text NOT NULL,
  examiner_id text NOT NULL,
  action text NOT NULL,
  inspection_id uuid,
  grant_id uuid,
  -- A count (records listed) or the photo's id: never the record's content.
  detail text
);
CREATE INDEX IF NOT EXISTS record_access_log_examiner_idx ON record_access_log (examiner_id, id);

CREATE OR REPLACE FUNCTION record_access_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'record_access_log is append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS record_access_log_append_only ON record_access_log;
CREATE TRIGGER record_access_log_append_only BEFORE UPDATE OR DELETE ON record_access_log
  FOR EACH ROW EXECUTE FUNCTION record_access_log_append_only();
