-- Apple devices: the USDZ made from each GLB (built-in or uploaded) for AR Quick Look, made once and kept
-- by the GLB's sha256 and the exporter that made it. The USDZ's bytes are a stored file; a GLB that could
-- not be exported keeps the reason instead, so that it is not tried again by every request.
CREATE TABLE IF NOT EXISTS usdz_models (
  glb_sha256 text NOT NULL,
  exporter text NOT NULL,
  usdz_sha256 text REFERENCES stored_files (sha256),
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (glb_sha256, exporter)
);
