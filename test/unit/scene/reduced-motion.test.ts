import { afterEach, describe, expect, it, vi } from 'vitest';
import { Vector3 } from 'three';

async function turntableWith(reduce: boolean) {
  vi.resetModules();
  vi.stubGlobal('window', { matchMedia: (q: string) => ({ matches: reduce && q.includes('reduce') }) });
  return import('../../../src/scene/turntable');
}

afterEach(() => vi.unstubAllGlobals());

describe('turning to face a tell', () => {
  it('glides over several frames normally', async () => {
    const t = await turntableWith(false);
    t.resetTurntables();
    t.turnToFace('A', new Vector3(1, 0, 0), new Vector3(0, 0, 1));
    expect(t.animateTurntables(1 / 60)).toBe(true);
    expect(t.rotationOf('A').angleTo(t.rotationOf('B'))).toBeLessThan(Math.PI / 2 - 0.1);
  });

  it('jumps in one frame when the viewer asks for reduced motion', async () => {
    const t = await turntableWith(true);
    t.resetTurntables();
    t.turnToFace('A', new Vector3(1, 0, 0), new Vector3(0, 0, 1));
    expect(t.animateTurntables(1 / 60)).toBe(false);
    expect(t.rotationOf('A').angleTo(t.rotationOf('B'))).toBeCloseTo(Math.PI / 2, 5);
  });
});
