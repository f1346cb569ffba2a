/** A well-formed answer of each drill kind, drawn from a random source (for the fuzz test and the benchmark). */
import type { DrillAnswer, DrillKind } from '../../src/domain/drill';

export function randomAnswer(kind: DrillKind, random: () => number): DrillAnswer {
  const confidence = Math.round((0.5 + random() / 2) * 100) / 100;
  if (kind === 'spot-the-fake') return { kind, counterfeit: random() < 0.5 ? 'A' : 'B', confidence };
  if (kind === 'verdict') return { kind, verdict: random() < 0.5 ? 'genuine' : 'counterfeit', confidence };
  // Pins on the fixture model's body and label, and beside them.
  const spots: [number, number, number][] = [
    [0, 0.2, 0],
    [0, 0.1, 0.101],
    [0.1, 0.1, 0],
    [0.05, 0.05, 0.1],
  ];
  return { kind, pins: spots.filter(() => random() < 0.5).map((position) => ({ position, node: 'body' })) };
}
