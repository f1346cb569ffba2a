/**
 * The USDZ export on its worker thread: the same file as in the server's own thread, the loader's
 * refusal passed back as the error, and a worker stopped (idle, or as the server closes) started again
 * by the next export.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { glbToUsdz } from '../../../src/server/apple/usdz-export';
import { glbToUsdzOffThread, stopUsdzThread } from '../../../src/server/apple/usdz-thread';
import { usdzEntries } from '../../support/usdz-zip';
import { buildGlb } from './fixture-pack';

afterAll(() => stopUsdzThread());

describe('glbToUsdzOffThread', { timeout: 60_000 }, () => {
  it('makes on the worker the same USDZ, with the same warnings, as in this thread', async () => {
    const glb = await buildGlb();
    const [there, here] = [await glbToUsdzOffThread(glb), await glbToUsdz(glb)];
    expect(usdzEntries(there.bytes)[0]!.name).toBe('model.usda');
    expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    expect(there.warnings).toEqual(here.warnings);
  });

  it("passes the loader's refusal back as the export's error, and keeps working", async () => {
    await expect(glbToUsdzOffThread(new TextEncoder().encode('{"asset":{"version":"2.0"}}'))).rejects.toThrow(/not a GLB file/);
    expect((await glbToUsdzOffThread(await buildGlb())).bytes.length).toBeGreaterThan(0);
  });

  it('starts a new worker for the next export once the last one was stopped', async () => {
    await stopUsdzThread();
    expect((await glbToUsdzOffThread(await buildGlb())).bytes.length).toBeGreaterThan(0);
  });
});
