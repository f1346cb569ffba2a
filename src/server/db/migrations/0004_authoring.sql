-- The authoring studio: uploaded files kept in the database (so that every server process serves the
-- same bytes), every version of every authored product with its review status, and reviewers' comments.
CREATE TABLE IF NOT EXISTS stored_files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  bytes bytea NOT NULL,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS product_versions (
  product_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  document jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'superseded', 'returned')),
  -- NULL: imported from the command line by the operator.
  author_id text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  reviewer_id text REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  PRIMARY KEY (product_id, version)
);
CREATE INDEX IF NOT EXISTS product_versions_author_idx ON product_versions (author_id);
CREATE INDEX IF NOT EXISTS product_versions_status_idx ON product_versions (status);
-- At most one published version per product.
CREATE UNIQUE INDEX IF NOT EXISTS product_versions_published_idx ON product_versions (product_id) WHERE status = 'published';

CREATE TABLE IF NOT EXISTS review_comments (
  id text PRIMARY KEY,
  product_id text NOT NULL,
  version integer NOT NULL,
  author_id text REFERENCES users (id) ON DELETE SET NULL,
  decision text NOT NULL CHECK (decision IN ('publish', 'return')),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (product_id, version) REFERENCES product_versions (product_id, version) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS review_comments_version_idx ON review_comments (product_id, version);
