/**
 * A `fetch` for Node that reads local files, so tfjs-converter loads model.json and its weight
 * shards from disk without any network: pass it as `fetchFunc` with a model path such as
 * /abs/public/models/coco-ssd/model.json or file:///abs/.../model.json. Node only (node:fs).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export function filePathOf(input: string | URL | Request): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.startsWith('file://')) return fileURLToPath(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new Error(`fileFetch reads local files only, not ${url}`);
  return url;
}

export const fileFetch: typeof fetch = async (input) => {
  const path = filePathOf(input as string | URL | Request);
  try {
    const body = await readFile(path);
    const type = path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return new Response(body, { status: 200, headers: { 'content-type': type } });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return new Response(`${path}: ${code ?? String(error)}`, { status: code === 'ENOENT' ? 404 : 500 });
  }
};
