/**
 * The caps on what a model declares, checked from its JSON before the validator or any reader runs:
 * the hostile files of issue 15 are each refused with a code, the cap and the JSON pointer.
 */
import { validateBytes } from 'gltf-validator';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkModel, type ModelCheck, type UploadIssue } from '../../../../src/server/uploads/model-check';
import { MAX_ACCESSOR_COUNT, MAX_DECLARED } from '../../../../src/server/uploads/model-limits';
import { deepExtrasGlb, deepNodeChainGlb, hugeSparseGlb, malformedSample, pointsOnlyGlb, unusedMeshesGlb } from './hostile-models';
import { joinGlb, splitGlb, triangleGlb } from './upload-fixtures';

vi.mock('gltf-validator', async (original) => {
  const real = await original<typeof import('gltf-validator')>();
  return { ...real, validateBytes: vi.fn(real.validateBytes) };
});

const errorsOf = (result: ModelCheck): UploadIssue[] => {
  if (result.ok) throw new Error('expected the upload to be refused');
  return result.errors;
};

beforeEach(() => {
  vi.mocked(validateBytes).mockClear();
});

describe('checkModel refuses before the validator runs', () => {
  it('JSON nested 10,000 deep in extras, naming the limit and where', async () => {
    const [error, ...rest] = errorsOf(await checkModel(await deepExtrasGlb(), 'deep.glb'));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: 'json_too_deep', pointer: 'extras.a.a.a.a.a.a.a…' });
    expect(error!.message).toMatch(/nests more than 64 levels deep \(at extras\.a/);
    expect(validateBytes).not.toHaveBeenCalled();
  });

  it('a chain of 9,999 nested nodes', async () => {
    const [error] = errorsOf(await checkModel(await deepNodeChainGlb(), 'chain.glb'));
    expect(error).toMatchObject({ code: 'node_hierarchy_too_deep' });
    expect(error!.message).toMatch(/is 129 levels deep in the node hierarchy; at most 128 are accepted/);
    expect(validateBytes).not.toHaveBeenCalled();
  });

  it('accepts a chain as deep as the limit', async () => {
    const result = await checkModel(await deepNodeChainGlb(128), 'chain.glb');
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
  });

  it('a sparse accessor of 40 million points, and a sparse count over the cap', async () => {
    const errors = errorsOf(await checkModel(await hugeSparseGlb(), 'sparse.glb'));
    expect(errors.map((e) => [e.code, e.pointer])).toContainEqual(['accessor_too_large', 'accessors[1].count']);
    expect(errors.find((e) => e.pointer === 'accessors[1].count')!.message).toBe(
      `accessors[1].count declares 40,000,000 elements; at most ${MAX_ACCESSOR_COUNT.toLocaleString('en-US')} are accepted in one accessor. Decimate the mesh, then export again.`,
    );
    const { json, bin } = splitGlb(await hugeSparseGlb(1000));
    json.accessors[1].sparse.count = 2_000_000;
    expect(errorsOf(await checkModel(joinGlb(json, bin), 'sparse.glb')).map((e) => e.pointer)).toContain('accessors[1].sparse.count');
    expect(validateBytes).not.toHaveBeenCalled();
  });

  it('a points-only mesh over the cap: points count as triangles do', async () => {
    const [error] = errorsOf(await checkModel(await pointsOnlyGlb(600_000), 'points.glb'));
    expect(error).toMatchObject({ code: 'too_many_triangles', pointer: 'meshes' });
    expect(error!.message).toMatch(/draws about 600,000 triangles, lines and points; at most 500,000/);
  });

  it('100,000 unused meshes: counted though no node draws them', async () => {
    const errors = errorsOf(await checkModel(await unusedMeshesGlb(), 'unused.glb'));
    expect(errors.map((e) => [e.code, e.pointer])).toEqual([
      ['too_many_parts', 'meshes'],
      ['too_many_parts', 'meshes'],
    ]);
    expect(errors[0]!.message).toBe(`The model declares 100,001 meshes; at most ${MAX_DECLARED.meshes!.toLocaleString('en-US')} are accepted (used or not). Remove the unused ones, then export again.`);
    expect(errors[1]!.message).toMatch(/^The meshes have 100,001 primitives in all; at most 10,000/);
    expect(validateBytes).not.toHaveBeenCalled();
  });

  it('unused meshes declaring more triangles than the cap, though the drawn ones are few', async () => {
    const { json, bin } = splitGlb(await unusedMeshesGlb(2));
    json.accessors[0].count = 900_000; // the drawn mesh shares it, so both would be over: draw nothing instead
    json.nodes = [{}];
    const [error] = errorsOf(await checkModel(joinGlb(json, bin), 'unused.glb'));
    expect(error).toMatchObject({ code: 'too_many_triangles' });
    expect(error!.message).toMatch(/declares about 900,000 in its meshes \(drawn or not\)/);
  });

  it('a sample of malformed files, each with its code', async () => {
    for (const { name, bytes, code } of await malformedSample()) {
      const result = await checkModel(bytes, name);
      expect(result.ok ? 'accepted' : result.errors[0]!.code, name).toBe(code);
    }
  });
});

describe('checkModel still accepts', () => {
  it('a triangle, as before', async () => {
    expect((await checkModel(await triangleGlb(), 'part.glb')).ok).toBe(true);
  });
});
