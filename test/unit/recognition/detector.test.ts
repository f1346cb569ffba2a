/** The tfjs glue without the model: backend choice, pixel conversion, the file fetch. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { loadDetector, selectBackend, toRgba, toTensor } from '../../../src/recognition/detector';
import { fileFetch } from '../../../src/recognition/file-fetch';

describe('selectBackend', () => {
  it('tries backends in order: webgl does not start in Node, cpu does', async () => {
    expect(await selectBackend(['webgl', 'cpu'])).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('fails with every reason when none starts', async () => {
    await expect(selectBackend(['webgl'])).rejects.toThrow(/no TensorFlow\.js backend could start \(webgl: /);
    await expect(selectBackend([])).rejects.toThrow(/none requested/);
  });
});

describe('toTensor / toRgba', () => {
  it('turns plain RGBA (Uint8Array or Uint8ClampedArray) into an int32 [h, w, 3] tensor, alpha dropped', async () => {
    await selectBackend(['cpu']);
    const data = new Uint8ClampedArray([1, 2, 3, 255, 4, 5, 6, 0, 7, 8, 9, 128, 10, 11, 12, 255, 13, 14, 15, 1, 16, 17, 18, 2]);
    for (const pixels of [{ data, width: 3, height: 2 }, { data: new Uint8Array(data), width: 3, height: 2 }]) {
      const t = toTensor(pixels);
      expect(t.shape).toEqual([2, 3, 3]);
      expect(t.dtype).toBe('int32');
      expect([...(await t.data())]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
      t.dispose();
    }
    expect(() => toTensor({ data: new Uint8Array(5), width: 3, height: 2 })).toThrow(/too small/);
  });

  it('passes plain RGBA through toRgba', () => {
    const pixels = { data: new Uint8ClampedArray(16), width: 2, height: 2 };
    expect(toRgba(pixels)).toBe(pixels);
  });
});

describe('fileFetch', () => {
  it('reads absolute paths and file:// URLs; a missing file is a 404; other schemes are refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twinspect-filefetch-'));
    const file = join(dir, 'model.json');
    await writeFile(file, '{"ok":true}');
    const byPath = await fileFetch(file);
    expect(byPath.ok).toBe(true);
    expect(await byPath.json()).toEqual({ ok: true });
    expect(byPath.headers.get('content-type')).toBe('application/json');
    expect(await (await fileFetch(pathToFileURL(file).href)).text()).toBe('{"ok":true}');
    expect((await fileFetch(join(dir, 'nope.bin'))).status).toBe(404);
    await expect(fileFetch('https://example.com/model.json')).rejects.toThrow(/local files only/);
  });

  it('makes loadDetector fail clearly on a missing model', async () => {
    await expect(
      loadDetector({ modelUrl: join(tmpdir(), 'no-such-dir', 'model.json'), backends: ['cpu'], fetchFunc: fileFetch }),
    ).rejects.toThrow(/404|not found|model\.json/i);
  });
});
