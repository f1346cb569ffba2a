/** The depth scan that runs before any JSON parser: iterative, exact at the limit, and naming where it is passed. */
import { describe, expect, it } from 'vitest';
import { findTooDeep } from '../../../../src/server/uploads/json-depth';

const bytes = (s: string) => new TextEncoder().encode(s);
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('findTooDeep', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(findTooDeep(bytes(nested(64)), 64)).toBeUndefined();
    expect(findTooDeep(bytes(nested(65)), 64)).toEqual({ pointer: '[0][0][0][0][0][0][0][0]…' });
    expect(findTooDeep(bytes('{"a": 1}'), 1)).toBeUndefined();
    expect(findTooDeep(bytes('{"a": {}}'), 1)).toEqual({ pointer: 'a' });
  });

  it('scans a million levels without recursing (no stack overflow)', () => {
    expect(findTooDeep(bytes(nested(1_000_000)), 64)).toBeDefined();
  });

  it('names keys and indices on the way down, skipping brackets and escaped quotes inside strings', () => {
    const text = '{"nodes": [{"name": "a \\" [[[ {{{"}, {"extras": {"b\\"c": [0, 1, {"d": {}}]}}]}';
    expect(findTooDeep(bytes(text), 5)).toEqual({ pointer: 'nodes[1].extras.b\\"c[2]' });
    expect(findTooDeep(bytes(text), 6)).toEqual({ pointer: 'nodes[1].extras.b\\"c[2].d' });
    expect(findTooDeep(bytes(text), 7)).toBeUndefined();
  });

  it('counts siblings as siblings, not as depth', () => {
    expect(findTooDeep(bytes(`[${Array(10_000).fill('[]').join(',')}]`), 2)).toBeUndefined();
  });
});
