-- Inspection photos get a store of their own. stored_files holds the catalogue's and the studio's files,
-- which GET /api/files/<sha256> serves (to anyone once published, to authors, reviewers and admins
-- before); an inspection photo is served only by the inspection routes, to whoever may read its record.
CREATE TABLE IF NOT EXISTS inspection_photo_files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  bytes bytea NOT NULL,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The photos stored so far move over; the records now point into the new table.
INSERT INTO inspection_photo_files (sha256, media_type, size, bytes, created_by, created_at)
  SELECT f.sha256, f.media_type, f.size, f.bytes, f.created_by, f.created_at FROM stored_files f
  WHERE f.sha256 IN (SELECT file_sha256 FROM inspection_photos)
  ON CONFLICT (sha256) DO NOTHING;
ALTER TABLE inspection_photos DROP CONSTRAINT IF EXISTS inspection_photos_file_sha256_fkey;
ALTER TABLE inspection_photos ADD CONSTRAINT inspection_photos_file_sha256_fkey FOREIGN KEY (file_sha256) REFERENCES inspection_photo_files (sha256);

-- Their copies leave stored_files, unless the same bytes are also catalogue content: named by a product
-- or a version, a USDZ's source or result, or uploaded by an author or reviewer (who cannot inspect).
DELETE FROM stored_files f
  WHERE f.sha256 IN (SELECT file_sha256 FROM inspection_photos)
  AND NOT EXISTS (SELECT 1 FROM product_versions v WHERE strpos(v.document::text, 'files/' || f.sha256 || '.') > 0)
  AND NOT EXISTS (SELECT 1 FROM products p WHERE strpos(p.document::text, 'files/' || f.sha256 || '.') > 0)
  AND NOT EXISTS (SELECT 1 FROM usdz_models u WHERE u.usdz_sha256 = f.sha256 OR u.glb_sha256 = f.sha256)
  AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = f.created_by AND u.role IN ('author', 'reviewer'));
