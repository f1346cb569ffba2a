/**
 * What a check-worker answers when the optimiser throws (issue 15, point 13): the corpus files that
 * failed as "reading 'setTexCoord'" get a code and an author's words, never the exception's text.
 */
import { describe, expect, it } from 'vitest';
import { processingFailed } from '../../../../src/server/uploads/model-job';
import { OptimiseStepError, optimiseModel } from '../../../../src/server/uploads/model-optimise';
import { TextureDecodeError } from '../../../../src/server/uploads/texture-resize';
import { malformedSample } from './hostile-models';

describe('an optimiser failure, in words', { timeout: 60_000 }, () => {
  it("names the step and the kind of problem of the corpus's \"reading 'setTexCoord'\", without the exception's text", async () => {
    const sample = (await malformedSample()).find((s) => s.name === 'no-source.glb')!;
    const err = await optimiseModel(sample.bytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OptimiseStepError);
    expect((err as OptimiseStepError).step).toBe('reading the file');
    expect(String((err as OptimiseStepError).cause)).toMatch(/reading 'setTexCoord'/);
    const issue = processingFailed((err as OptimiseStepError).cause, 'bag.glb', (err as OptimiseStepError).step, [
      { code: 'gltf_warning', pointer: 'textures[0]', message: 'Texture has no source.' },
    ]);
    expect(issue).toEqual({
      code: 'optimise_failed',
      pointer: 'file',
      message:
        'The model "bag.glb" passed the checks but could not be processed while reading the file: part of it refers to data that is missing or of the wrong kind. The glTF validator warned of: textures[0]: Texture has no source. Open it in Blender or the Khronos glTF Validator, fix what they report, and export it again.',
    });
  });

  it('names a texture that cannot be decoded, and a runaway allocation', () => {
    expect(processingFailed(new TextureDecodeError('label', 'image/png'), 'bag.glb', 'resizing textures')).toMatchObject({
      pointer: 'textures',
      message: expect.stringContaining('while resizing textures: the PNG texture "label" cannot be decoded: it is damaged.'),
    });
    expect(processingFailed(new RangeError('Array buffer allocation failed'), 'bag.glb', 'welding vertices').message).toContain(
      'while welding vertices: it needs more memory or nesting than a model may use.',
    );
  });
});
