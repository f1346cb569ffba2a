/**
 * Every package the lock file installs runs on the Node versions the project supports (package.json's
 * engines: 20.19+, 22.13+, 24), so `npm install` prints no EBADENGINE warning and nothing needs a newer
 * Node than the README promises. Checked on the lowest of each line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const SUPPORTED = ['20.19.0', '22.13.0', '24.0.0'];
/** Installed only where its range is all there is: sharp's 32-bit Windows binary (sharp's own `^20.9.0`). */
const PLATFORM_ONLY = new Set(['node_modules/@img/sharp-win32-ia32']);

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.split('.').map(Number);
  return [a, b, c];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** One comparator ("^20.9.0", ">= 12.x", "10.*", "14", "<=18") against a version. */
function meets(version: Version, comparator: string): boolean {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*v?(\d+|[x*])(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?/.exec(comparator.trim());
  if (!m) throw new Error(`cannot read the engines range "${comparator}"`);
  const op = m[1] ?? '';
  const parts = [m[2], m[3], m[4]];
  const known = parts.findIndex((p) => p === undefined || p === 'x' || p === '*');
  const given = known === -1 ? 3 : known; // how many numbers the comparator names
  if (given === 0) return true; // "*", "x"
  const at: Version = [0, 1, 2].map((i) => (i < given ? Number(parts[i]) : 0)) as Version;
  /** The first version past a partial one ("20" → 21.0.0, "20.9" → 20.10.0). */
  const past = (n: number): Version => [0, 1, 2].map((i) => (i < n - 1 ? at[i]! : i === n - 1 ? at[i]! + 1 : 0)) as Version;
  const c = compare(version, at);
  switch (op) {
    case '>=': return c >= 0;
    case '>': return given === 3 ? c > 0 : compare(version, past(given)) >= 0;
    case '<=': return given === 3 ? c <= 0 : compare(version, past(given)) < 0;
    case '<': return c < 0;
    case '^': return c >= 0 && compare(version, past(at[0] > 0 || given === 1 ? 1 : at[1] > 0 || given === 2 ? 2 : 3)) < 0;
    case '~': return c >= 0 && compare(version, past(Math.min(given, 2))) < 0;
    default: return given === 3 ? c === 0 : c >= 0 && compare(version, past(given)) < 0;
  }
}

/** A range: "a || b", each a space-separated list of comparators that must all hold. */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((part) => {
    const tokens = part.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
    return tokens.every((t) => meets(v, t));
  });
}

describe('supported Node versions', () => {
  it('reads ranges as npm does', () => {
    expect(satisfies('20.19.0', '>=22')).toBe(false);
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('22.12.0', '^20.19.0 || ^22.13.0 || >=23.5.0')).toBe(false);
    expect(satisfies('20.19.0', '>= 12.x')).toBe(true);
    expect(satisfies('20.19.0', '10.* || >= 12.*')).toBe(true);
    expect(satisfies('20.19.0', '^20.9.0')).toBe(true);
    expect(satisfies('24.0.0', '^20.9.0')).toBe(false);
    expect(satisfies('20.19.0', '18 || 20 || >=22')).toBe(true);
    expect(satisfies('20.19.0', '>=16 || 14 >=14.17')).toBe(true);
    expect(satisfies('14.10.0', '>=16 || 14 >=14.17')).toBe(false);
    expect(satisfies('22.13.0', '^8.16.0 || ^10.6.0 || >=11.0.0')).toBe(true);
  });

  it("package.json's engines is the promise the test checks against", () => {
    const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node as string;
    for (const version of SUPPORTED) expect(satisfies(version, engines), `${version} in ${engines}`).toBe(true);
    expect(satisfies('20.18.0', engines)).toBe(false);
  });

  it('no package in package-lock.json wants a newer Node than 20.19, 22.13 or 24', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: unknown }> };
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = (entry.engines as { node?: string } | undefined)?.node;
      if (typeof range !== 'string' || PLATFORM_ONLY.has(path)) continue;
      for (const version of SUPPORTED) {
        if (!satisfies(version, range)) refused.push(`${path || '(root)'}@${entry.version ?? ''} wants node ${range}, not ${version}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
