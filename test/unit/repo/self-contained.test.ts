/**
 * A fresh clone runs every test: nothing in the code, the tests, the model sources or the build config
 * reads a folder beside the repository (the sibling "shared" folder, where the fixture photos once were read from). What a
 * test needs lives in the repository (test/fixtures/).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const SCOPE = ['src', 'test', 'assets-3d', 'vite.config.ts', 'package.json'];
const TEXT = /\.(ts|tsx|mts|mjs|cjs|js|json|html|css)$/;
const SELF = relative(root, import.meta.filename).split('\\').join('/');

/** A path out of the repository into a sibling "shared" folder, however it is spelt. */
const OUTSIDE = [
  /\.\.[/\\]shared\b/, // dot-dot, slash, shared (either slash)
  /['"]\.\.['"]\s*,\s*['"]shared['"]/, // join(root, '..', 'shared')
  /\/work\/shared\b/,
  /\bshared[/\\]fixtures\b/,
  /['"]shared['"]\s*,\s*['"]fixtures['"]/, // join(..., 'shared', 'fixtures')
];

/** The files git knows of (tracked, or new and not ignored); without git, a walk that skips node_modules. */
function files(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...SCOPE], { cwd: root, encoding: 'utf8' });
    return out.split('\0').filter(Boolean);
  } catch {
    const found: string[] = [];
    const walk = (path: string) => {
      if (statSync(join(root, path)).isFile()) return void found.push(path);
      for (const name of readdirSync(join(root, path))) if (name !== 'node_modules') walk(`${path}/${name}`);
    };
    SCOPE.forEach(walk);
    return found;
  }
}

export function readsOutside(text: string): boolean {
  return OUTSIDE.some((pattern) => pattern.test(text));
}

describe('the repository is self-contained', () => {
  it('spots each way of reaching the sibling shared folder', () => {
    expect(readsOutside("join(root, '..', 'shared', 'fixtures', 'photos')")).toBe(true);
    expect(readsOutside("join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'photos')")).toBe(true);
    expect(readsOutside(`readFileSync('${'..'}/shared/fixtures/photos/x.jpg')`)).toBe(true);
    expect(readsOutside('/work/shared/fixtures')).toBe(true);
    expect(readsOutside("fixturePhoto('IBM-MAX-Object-Detector_baby-bear.jpg') // the rotation shared by every pin")).toBe(false);
  });

  it('no file under src/, test/, assets-3d/ nor the build config reads the sibling shared folder', () => {
    const list = files().filter((f) => f !== SELF && TEXT.test(f));
    expect(list.length).toBeGreaterThan(100);
    const offenders = list.filter((f) => readsOutside(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the fixture photos the tests use are in the repository, each listed with its source and licence', () => {
    const dir = join(root, 'test', 'fixtures', 'photos');
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const photos = readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f));
    expect(photos.length).toBeGreaterThanOrEqual(11);
    for (const photo of photos) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${photo} |`));
      expect(row, photo).toMatch(/ @ [0-9a-f]{12} : .*\| (Apache-2\.0|MIT|CC0)/);
      expect(statSync(join(dir, photo)).size, `${photo} stays small`).toBeLessThan(1_000_000);
    }
  });
});
