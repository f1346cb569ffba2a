import { describe, expect, it } from 'vitest';
import { ABUSE_FACTOR, FloodGate, SUSTAINED_SECONDS } from '../../../../src/server/live/flood';

const run = (gate: FloodGate, n: number, at: number) => Array.from({ length: n }, () => gate.check(at));

describe('FloodGate', () => {
  it('takes up to the limit in a second, warns once on the next, drops the rest, and takes again the next second', () => {
    const gate = new FloodGate(4);
    expect(run(gate, 7, 1000)).toEqual(['take', 'take', 'take', 'take', 'warn', 'drop', 'drop']);
    expect(run(gate, 4, 2000)).toEqual(['take', 'take', 'take', 'take']);
  });

  it('closes on a flood of ABUSE_FACTOR times the limit in one second', () => {
    const gate = new FloodGate(4);
    const verdicts = run(gate, 4 * ABUSE_FACTOR + 1, 0);
    expect(verdicts.at(-2)).toBe('drop');
    expect(verdicts.at(-1)).toBe('close');
  });

  it('closes when the limit is passed SUSTAINED_SECONDS seconds in a row, not when the seconds are apart', () => {
    const steady = new FloodGate(2);
    const warns = Array.from({ length: SUSTAINED_SECONDS }, (_, s) => run(steady, 3, s * 1000).at(-1));
    expect(warns).toEqual([...Array(SUSTAINED_SECONDS - 1).fill('warn'), 'close']);
    const apart = new FloodGate(2);
    const spaced = Array.from({ length: SUSTAINED_SECONDS + 2 }, (_, s) => run(apart, 3, s * 2500).at(-1));
    expect(spaced.every((v) => v === 'warn')).toBe(true);
  });
});
