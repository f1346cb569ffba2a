-- Shared live sessions: the session and its phase (so a room can be rebuilt after a restart), who
-- may join it, and its rounds with their keys. Answers are drills of the trainee, tagged with the
-- session and round, so they count in progress and xAPI like any other drill.
CREATE TABLE IF NOT EXISTS live_sessions (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  title text NOT NULL,
  instructor_id text NOT NULL REFERENCES users (id),
  phase text NOT NULL DEFAULT 'lobby',
  round integer NOT NULL DEFAULT 0,
  kind text NOT NULL,
  product_id text NOT NULL,
  follow boolean NOT NULL DEFAULT false,
  rotation jsonb NOT NULL DEFAULT '[0,0,0,1]',
  spotlight text NOT NULL DEFAULT '',
  pointers_muted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
CREATE INDEX IF NOT EXISTS live_sessions_instructor_idx ON live_sessions (instructor_id, created_at);

CREATE TABLE IF NOT EXISTS live_participants (
  session_id text NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  joined_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  PRIMARY KEY (session_id, user_id)
);

CREATE TABLE IF NOT EXISTS live_rounds (
  session_id text NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
  round integer NOT NULL,
  kind text NOT NULL,
  product_id text NOT NULL,
  catalogue_version text NOT NULL,
  seed text NOT NULL,
  question jsonb NOT NULL,
  answer_key jsonb NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  revealed_at timestamptz,
  PRIMARY KEY (session_id, round)
);

ALTER TABLE drills ADD COLUMN IF NOT EXISTS live_session_id text REFERENCES live_sessions (id) ON DELETE CASCADE;
ALTER TABLE drills ADD COLUMN IF NOT EXISTS live_round integer;
-- One answer per trainee per round: a second one (a retry after a lost ack) finds this.
CREATE UNIQUE INDEX IF NOT EXISTS drills_live_answer_idx ON drills (live_session_id, live_round, user_id) WHERE live_session_id IS NOT NULL;
