/**
 * The files of the hostile-upload bench (hostile-figures.ts): the worst accepted upload (an
 * incompressible 20 MB model, 5 MB with --quick) and the hostile ones of issue 15, each with the route
 * it is posted to.
 */
import { zerosBomb } from '../unit/server/studio/zip-fixtures';
import { deepExtrasGlb, deepNodeChainGlb, hugeSparseGlb, pointsOnlyGlb, unusedMeshesGlb } from '../unit/server/uploads/hostile-models';
import { joinGlb, splitGlb } from '../unit/server/uploads/upload-fixtures';
import { uploadOf } from './upload-figures';

const MB = 1024 * 1024;

export interface HostileCase {
  name: string;
  url: '/api/studio/uploads' | '/api/studio/import';
  bytes: Uint8Array;
}

export interface HostileCases {
  accepted: HostileCase;
  refused: HostileCase[];
  /** The two refused files the load phase posts again and again: the broken big model and 100,000 unused meshes. */
  load: [HostileCase, HostileCase];
}

const upload = (name: string, bytes: Uint8Array): HostileCase => ({ name, bytes, url: '/api/studio/uploads' });

export async function hostileCases(quick: boolean): Promise<HostileCases> {
  const acceptedBytes = await uploadOf(quick ? 5 : 20);
  const size = `${(acceptedBytes.length / MB).toFixed(1)} MB model`;
  const broken = splitGlb(acceptedBytes);
  broken.json.accessors[0].byteOffset = 1 << 20; // refused by the validator, after it has read the whole file
  const brokenBig = upload(`${size}, a broken accessor`, joinGlb(broken.json, broken.bin));
  const unused = upload('100,000 unused meshes', await unusedMeshesGlb());
  return {
    accepted: upload(`${size} (accepted)`, acceptedBytes),
    refused: [
      brokenBig,
      upload('JSON 10,000 deep', await deepExtrasGlb()),
      upload('9,999 nested nodes', await deepNodeChainGlb()),
      upload('40M-point sparse accessor', await hugeSparseGlb()),
      upload('points-only mesh', await pointsOnlyGlb()),
      unused,
      { name: 'zip bomb, 25 × 50 MB of zeros', url: '/api/studio/import', bytes: zerosBomb() },
    ],
    load: [brokenBig, unused],
  };
}
