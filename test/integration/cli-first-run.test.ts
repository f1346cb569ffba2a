/**
 * The commands a newcomer may run before `npm start` work on a fresh clone: `twinspect catalogue check`
 * makes the built-in pack's missing models first (they are generated, not kept in git), and `twinspect
 * content export` on a fresh data folder exports the built-in catalogue, as the server would serve it.
 * Each runs in a child Node, as typed in a shell, on a copy of content/ without its models.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'src', 'server', 'cli', 'twinspect.mjs');
const BUILTIN = JSON.parse(readFileSync(join(root, 'content', 'pack.json'), 'utf8')).products as string[];

let dir: string;
/** A copy of the built-in pack as a fresh clone has it: product files, no models. */
const copyWithoutModels = (name: string) => {
  const to = join(dir, name);
  cpSync(join(root, 'content'), to, { recursive: true, filter: (src) => !src.split(/[/\\]/).includes('models') });
  return to;
};
const twinspect = (args: string[], env: Record<string, string>) => {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  return spawnSync(process.execPath, [cli, ...args], { cwd: dir, env: { ...clean, ...env }, encoding: 'utf8', timeout: 280_000 });
};
const models = (content: string) => BUILTIN.flatMap((id) => (existsSync(join(content, 'products', id, 'models')) ? readdirSync(join(content, 'products', id, 'models')) : []));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'twinspect-first-run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the first command on a fresh clone', () => {
  let content: string;

  it('catalogue check generates the missing models of the built-in pack, then passes', () => {
    content = copyWithoutModels('content');
    expect(models(content)).toEqual([]);
    const result = twinspect(['catalogue', 'check'], { CONTENT_DIR: content });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Generating 24 missing model files of the built-in catalogue/m);
    expect(result.stdout).toMatch(/8 products, 24 variants, \d+ tells: OK/);
    expect(models(content)).toHaveLength(24);
    // A second run has nothing to make.
    const again = twinspect(['catalogue', 'check', content, '--json'], { CONTENT_DIR: content });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('Generating');
    expect(JSON.parse(again.stdout)).toMatchObject({ products: expect.any(Array) });
  }, 300_000);

  it('content export on a fresh data folder writes the built-in catalogue', () => {
    const data = join(dir, 'data');
    const zipFile = join(dir, 'catalogue.zip');
    const result = twinspect(['content', 'export', zipFile], { CONTENT_DIR: content, DATA_DIR: data });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Wrote ${BUILTIN.length} products to ${zipFile}.\n`);
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync(zipFile))));
    for (const id of BUILTIN) expect(files).toContain(`products/${id}/product.json`);
    expect(files.filter((f) => f.endsWith('.glb'))).toHaveLength(24);
  }, 300_000);

  it('leaves a pack that is not the built-in one as it is, and reports its missing models', () => {
    const other = copyWithoutModels('other-pack');
    const result = twinspect(['catalogue', 'check', other], { CONTENT_DIR: content });
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('Generating');
    expect(result.stderr).toMatch(/file models\/genuine\.glb not found/);
    expect(models(other)).toEqual([]);
  }, 120_000);
});
