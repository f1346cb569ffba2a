/** The studio frames a newly opened model whole, in a wide or a tall view. */
import { describe, expect, it } from 'vitest';
import { MathUtils } from 'three';
import { framingDistance } from '../../../src/scene/studio/StudioView';

/** Half the angle a sphere of `radius` at `distance` takes up. */
const halfAngle = (radius: number, distance: number) => Math.asin(radius / distance);

describe('framingDistance', () => {
  for (const aspect of [0.5, 1, 1.6, 3]) {
    it(`fits a unit box's bounding sphere inside both fields of view at aspect ${aspect}`, () => {
      const radius = Math.sqrt(3) / 2;
      const d = framingDistance(radius, 35, aspect);
      const halfV = MathUtils.degToRad(35) / 2;
      const halfH = Math.atan(Math.tan(halfV) * aspect);
      expect(halfAngle(radius, d)).toBeLessThan(halfV);
      expect(halfAngle(radius, d)).toBeLessThan(halfH);
      // …and not lost in the distance: the sphere fills most of the narrower field.
      expect(halfAngle(radius, d)).toBeGreaterThan(0.8 * Math.min(halfV, halfH));
    });
  }

  it('stands further back than the old fixed camera (1.93) for a cube in a square view', () => {
    expect(framingDistance(Math.sqrt(3) / 2, 35, 1)).toBeGreaterThan(1.93);
  });
});
