/**
 * Model checks on worker threads: the same answer as in this thread; a check that runs out of time or
 * memory is refused in words and costs only itself; a full queue is refused as busy.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkModel } from '../../../../src/server/uploads/model-check';
import { sha256Of } from '../../../../src/server/studio/file-store';
import { ChecksBusy, DEFAULT_POOL, ModelCheckPool } from '../../../../src/server/uploads/model-check-pool';
import { deepExtrasGlb } from './hostile-models';
import { triangleGlb } from './upload-fixtures';

const pools: ModelCheckPool[] = [];
const pool = (o: Partial<typeof DEFAULT_POOL> = {}) => {
  const p = new ModelCheckPool({ ...DEFAULT_POOL, ...o });
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.stop())));

describe('ModelCheckPool', { timeout: 120_000 }, () => {
  it('checks and optimises on a worker, with the report this thread gives', async () => {
    const glb = await triangleGlb();
    const [there, here] = [await pool().upload(glb, 'part.glb', 'm'), await checkModel(glb, 'part.glb')];
    if (!there.ok || !here.ok) throw new Error('refused');
    expect(there.report).toEqual(here.report);
    expect(there.optimised.units).toMatchObject({ unit: 'm', guessed: false });
    expect(there.optimised.bytes).toBeInstanceOf(Uint8Array);
  });

  it('moves handed-over bytes to the worker without a copy and back with the accepted result, hashed there', async () => {
    const glb = await triangleGlb();
    const owned = new Uint8Array(glb); // a buffer of its own
    const result = await pool().upload(owned, 'part.glb', 'm', { handOver: true });
    expect(owned.byteLength).toBe(0); // moved, not copied
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.original).toEqual(glb);
    expect(result.sha256).toEqual({ original: sha256Of(glb), optimised: sha256Of(result.optimised.bytes) });
  });

  it('copies bytes that are a view into a larger buffer, even when asked to hand them over', async () => {
    const glb = await triangleGlb();
    const larger = new Uint8Array(glb.byteLength + 16);
    larger.set(glb, 8);
    const view = larger.subarray(8, 8 + glb.byteLength);
    const result = await pool().upload(view, 'part.glb', 'm', { handOver: true });
    expect(result.ok).toBe(true);
    expect(view).toEqual(glb); // still readable here
    expect(result.ok && result.original).toBeFalsy();
  });

  it('refuses a hostile file on the worker with the same issue, and answers the next check', async () => {
    const p = pool();
    const deep = await p.upload(await deepExtrasGlb(), 'deep.glb');
    expect(!deep.ok && deep.errors[0]!.code).toBe('json_too_deep');
    expect((await p.packModel(await triangleGlb(), 'part.glb', [{ node: 'part', position: [0.2, 0.2, 0] }, { node: 'nut', position: [0, 0, 0] }])).ok).toBe(true);
  });

  it('answers the surface questions of a pack model: distances, no such node', async () => {
    const result = await pool().packModel(await triangleGlb(), 'part.glb', [{ node: 'part', position: [0.2, 0.2, 1] }, { node: 'nut', position: [0, 0, 0] }]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.surface.nodeNames).toEqual(['part']);
    expect(result.surface.distances[0]).toBeCloseTo(1, 6);
    expect(result.surface.distances[1]).toBeUndefined();
  });

  it('refuses a check that runs past its time, stopping its worker', async () => {
    const p = pool({ timeoutMs: 1 });
    const result = await p.upload(await triangleGlb(), 'slow.glb');
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'check_timeout', pointer: 'file' }] });
    expect(!result.ok && result.errors[0]!.message).toMatch(/^Checking "slow\.glb" took longer than 0 s/);
    expect(p.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a check whose worker runs out of heap, and the process lives on', async () => {
    const result = await pool({ heapMb: 4 }).upload(await triangleGlb(), 'big.glb');
    expect(result).toMatchObject({ ok: false, errors: [{ code: expect.stringMatching(/^check_(out_of_memory|failed)$/) }] });
    expect(!result.ok && result.errors[0]!.message).not.toMatch(/ERR_|Error:|at /);
  });

  it('refuses a check beyond the queue as busy, and runs the queued ones', async () => {
    const p = pool({ workers: 1, queue: 1 });
    const glb = await triangleGlb();
    const first = p.upload(glb, 'a.glb');
    const second = p.upload(glb, 'b.glb');
    await expect(p.upload(glb, 'c.glb')).rejects.toBeInstanceOf(ChecksBusy);
    expect((await first).ok).toBe(true);
    expect((await second).ok).toBe(true);
  });
});
