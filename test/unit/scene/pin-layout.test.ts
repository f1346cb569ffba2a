/** Pins stand beside their features on leader lines, and never stack. */
import { describe, expect, it } from 'vitest';
import { layoutPins, leanDirection, type PinAnchor } from '../../../src/scene/pin-layout';

const dist = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
const up = [0, 1, 0] as const;

describe('layoutPins', () => {
  it('lifts a lone pin off its point along the normal, so it does not cover the feature', () => {
    const [head] = layoutPins([{ position: [0.1, 0.2, 0.3], normal: [0, 0, 1] }], { offset: 0.05, spacing: 0.02 });
    expect(head).toEqual([0.1, 0.2, 0.35]);
  });

  it('leans a pin on a face seen head-on up and to the right, off the feature, across the surface', () => {
    const [head] = layoutPins([{ position: [0, 0, 0], normal: [0, 0, 1] }], { offset: 0.002, lean: 0.02, spacing: 0.01 });
    expect(head![0]).toBeGreaterThan(0.005); // right
    expect(head![1]).toBeGreaterThan(0.01); // up
    expect(dist(head!, [0, 0, 0])).toBeGreaterThan(0.019);
    // The lean lies in the surface's plane, for any normal (a top face included).
    for (const n of [[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, -1, 0], [0.6, 0.8, 0]] as const) {
      const d = leanDirection(n);
      expect(Math.abs(d[0] * n[0] + d[1] * n[1] + d[2] * n[2])).toBeLessThan(1e-9);
      expect(Math.hypot(...d)).toBeCloseTo(1, 9);
    }
  });

  it('spreads nine tells on one spot (the stacked inspection markers) at least a pin apart', () => {
    const anchors: PinAnchor[] = Array.from({ length: 9 }, () => ({ position: [0, 0, 0], normal: up }));
    const heads = layoutPins(anchors, { offset: 0.03, spacing: 0.02 });
    for (let i = 0; i < heads.length; i++) for (let j = i + 1; j < heads.length; j++) expect(dist(heads[i]!, heads[j]!)).toBeGreaterThanOrEqual(0.0199);
    // Still near the feature: within a few pin widths.
    for (const h of heads) expect(dist(h, [0, 0.03, 0])).toBeLessThan(0.1);
  });

  it('leaves pins already apart where they are, and gives the same layout every time', () => {
    const anchors: PinAnchor[] = [
      { position: [0, 0, 0], normal: up },
      { position: [0.5, 0, 0], normal: up },
      { position: [0.005, 0, 0], normal: up },
    ];
    const a = layoutPins(anchors, { offset: 0.01, spacing: 0.02 });
    expect(a[1]).toEqual([0.5, 0.01, 0]);
    expect(dist(a[0]!, a[2]!)).toBeGreaterThanOrEqual(0.0199);
    expect(layoutPins(anchors, { offset: 0.01, spacing: 0.02 })).toEqual(a);
  });
});
