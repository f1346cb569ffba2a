-- Products of the catalogue: the built-in pack and authored products.
CREATE TABLE IF NOT EXISTS products (
  id text PRIMARY KEY,
  document jsonb NOT NULL,
  source text NOT NULL CHECK (source IN ('builtin', 'authored')),
  published boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS products_published_idx ON products (published);
