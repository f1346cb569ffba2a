/**
 * Where the recognition tests find their real photos (test/fixtures/photos, in the repository), the
 * README's table of what COCO-SSD finds in each, and a runner for the `twinspect scan` CLI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Detection } from '../../../src/domain/recognition';
import { fixturePhoto, PHOTOS_DIR } from '../../support/fixture-photos';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const photosDir = PHOTOS_DIR;
export const photo = fixturePhoto;
/** How far a score may stray from the fixtures README. */
export const TOLERANCE = 0.05;


/** "cup 0.987", "person 0.924, backpack 0.588" from the README's "coco-ssd finds" column. */
export function readmeTable(): Map<string, { cocoClass: string; score: number }[]> {
  const table = new Map<string, { cocoClass: string; score: number }[]>();
  for (const line of readFileSync(join(photosDir, 'README.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = cells[1];
    if (!file || !/\.(jpe?g|png)$/i.test(file)) continue;
    const found = [...(cells[6] ?? '').matchAll(/([a-z][a-z ]*?) (0\.\d+)/g)].map((m) => ({ cocoClass: m[1]!.trim(), score: Number(m[2]) }));
    table.set(file, found);
  }
  return table;
}

/** Pairs each expected detection with an unused found one of the same class and the nearest score. */
export function compare(found: Detection[], expected: { cocoClass: string; score: number }[], tolerance: number) {
  const unused = [...found];
  const misses: string[] = [];
  for (const want of expected) {
    const candidates = unused.filter((d) => d.cocoClass === want.cocoClass).sort((a, b) => Math.abs(a.score - want.score) - Math.abs(b.score - want.score));
    const got = candidates[0];
    if (!got || Math.abs(got.score - want.score) > tolerance) misses.push(`${want.cocoClass} ${want.score} (got ${got ? got.score.toFixed(3) : 'none'})`);
    if (got) unused.splice(unused.indexOf(got), 1);
  }
  return { misses, extra: unused.map((d) => d.cocoClass) };
}

const cli = join(repoRoot, 'src', 'server', 'cli', 'twinspect.mjs');
/** `twinspect scan ARGS...` in a child Node, from the repository root. */
export const runScan = (...args: string[]) => spawnSync(process.execPath, [cli, 'scan', ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 110_000 });
