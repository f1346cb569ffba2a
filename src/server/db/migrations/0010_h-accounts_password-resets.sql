-- Managing accounts: a password that must be changed at the next sign-in (one an admin handed out),
-- deactivated accounts (kept with their records, unable to sign in), and one-time reset links.
ALTER TABLE users ADD COLUMN IF NOT EXISTS must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN IF NOT EXISTS deactivated_at timestamptz;

CREATE TABLE IF NOT EXISTS password_reset_links (
  -- SHA-256 of the link's token: a leaked table gives no usable link.
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS password_reset_links_user_idx ON password_reset_links (user_id);
