-- The inspection assistant: an examiner's records of real examinations (made on the device, so their ids
-- are the device's and a record sent twice is stored once) and their photos, kept as stored files.
-- The new role: the users.role CHECK (named users_role_check by PostgreSQL and PGlite alike) admits 'examiner'.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('trainee', 'examiner', 'instructor', 'author', 'reviewer', 'admin'));

CREATE TABLE IF NOT EXISTS inspections (
  id uuid PRIMARY KEY,
  officer_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  product_id text NOT NULL,
  content_version text NOT NULL,
  reference text NOT NULL DEFAULT '',
  -- Device times: when the officer began, and the last edit (an older copy never overwrites a newer one).
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Server time of the last stored change.
  stored_at timestamptz NOT NULL DEFAULT now(),
  marks jsonb NOT NULL,
  notes text NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS inspections_officer_idx ON inspections (officer_id, updated_at);

CREATE TABLE IF NOT EXISTS inspection_photos (
  id uuid PRIMARY KEY,
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  -- The check it shows (category@node), or NULL for the item as a whole.
  check_key text,
  caption text NOT NULL DEFAULT '',
  file_sha256 text NOT NULL REFERENCES stored_files (sha256),
  media_type text NOT NULL,
  bytes integer NOT NULL CHECK (bytes >= 0),
  -- True when the officer kept the photo's GPS position; otherwise it was removed before storing.
  location_kept boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS inspection_photos_inspection_idx ON inspection_photos (inspection_id, created_at);
