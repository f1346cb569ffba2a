-- Accounts, sessions, groups, drills and their attempts, spaced-practice cards, the xAPI outbox.
CREATE TABLE IF NOT EXISTS users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('trainee', 'instructor', 'author', 'reviewer', 'admin')),
  -- The id the agency's learning record store knows this person by (xAPI actor account name).
  account_name text NOT NULL UNIQUE,
  password_hash text,
  oidc_issuer text,
  oidc_subject text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE IF NOT EXISTS auth_sessions (
  -- SHA-256 of the cookie's token: a leaked table gives no usable cookie.
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS auth_sessions_user_idx ON auth_sessions (user_id);

CREATE TABLE IF NOT EXISTS groups (
  id text PRIMARY KEY,
  name text NOT NULL,
  owner_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS group_members (
  group_id text NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, user_id)
);

CREATE TABLE IF NOT EXISTS drills (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL,
  product_id text NOT NULL,
  catalogue_version text NOT NULL,
  seed text NOT NULL,
  question jsonb NOT NULL,
  answer_key jsonb NOT NULL,
  hints_used integer NOT NULL DEFAULT 0,
  issued_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz
);
CREATE INDEX IF NOT EXISTS drills_user_idx ON drills (user_id, issued_at);

CREATE TABLE IF NOT EXISTS attempts (
  drill_id text PRIMARY KEY REFERENCES drills (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL,
  product_id text NOT NULL,
  product_name text NOT NULL,
  catalogue_version text NOT NULL,
  answer jsonb NOT NULL,
  correct boolean NOT NULL,
  scaled real NOT NULL CHECK (scaled >= 0 AND scaled <= 1),
  passed boolean NOT NULL,
  confidence real,
  brier real,
  tells_total integer NOT NULL,
  tells_found integer NOT NULL,
  false_alarms integer NOT NULL,
  hints_used integer NOT NULL,
  duration_ms integer NOT NULL,
  outcomes jsonb NOT NULL,
  issued_at timestamptz NOT NULL,
  answered_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_user_idx ON attempts (user_id, answered_at);

CREATE TABLE IF NOT EXISTS attempt_pins (
  drill_id text NOT NULL REFERENCES attempts (drill_id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  x real NOT NULL,
  y real NOT NULL,
  z real NOT NULL,
  node text,
  tell_id text,
  distance real,
  PRIMARY KEY (drill_id, ordinal)
);

CREATE TABLE IF NOT EXISTS review_cards (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  product_id text NOT NULL,
  category text NOT NULL,
  card jsonb NOT NULL,
  due timestamptz NOT NULL,
  PRIMARY KEY (user_id, product_id, category)
);

CREATE TABLE IF NOT EXISTS xapi_outbox (
  id text PRIMARY KEY,
  statement jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  tries integer NOT NULL DEFAULT 0,
  next_try_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  last_error text
);
CREATE INDEX IF NOT EXISTS xapi_outbox_pending_idx ON xapi_outbox (next_try_at) WHERE sent_at IS NULL;

-- Secrets the server makes for itself on first start (the key that seals guests' drills).
CREATE TABLE IF NOT EXISTS server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
