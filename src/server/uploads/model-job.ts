/**
 * The work a model check-worker does (model-check-worker.mjs), one job at a time: an author's upload
 * checked and optimised, or a content pack's model checked and measured for its tells' points. Every
 * failure comes back as an issue an author can act on; what the third-party code threw is kept apart
 * (`internal`) for the server's log, never shown.
 */
import type { Vec3 } from '../catalogue/glb-surface';
import { modelSurfaceOf } from '../catalogue/glb-surface';
import { createHash } from 'node:crypto';
import { checkModel, type ModelReport, type UploadIssue } from './model-check';
import { OptimiseStepError, optimiseModel, type ModelUnit, type OptimisedModel } from './model-optimise';
import { TextureDecodeError } from './texture-resize';

export interface SurfaceQuery {
  node: string;
  position: Vec3;
}

export type ModelJob =
  | { kind: 'upload'; bytes: Uint8Array; name: string; unit?: ModelUnit }
  | { kind: 'pack-model'; bytes: Uint8Array; name: string; points: SurfaceQuery[] };

/** The answers to a pack model's surface queries, in their order: undefined no such node, Infinity no triangles. */
export interface SurfaceAnswers {
  nodeNames: string[];
  distances: (number | undefined)[];
}

export type Refusal = { ok: false; errors: UploadIssue[]; /** For the log only. */ internal?: string };
/**
 * An accepted upload. `original` is the upload's bytes handed back by the worker when they were handed
 * over to it (ModelCheckPool.upload with handOver), and the sha256s are hashed there, off the event loop.
 */
export type UploadResult = { ok: true; report: ModelReport; optimised: OptimisedModel; original?: Uint8Array; sha256?: { original: string; optimised: string } } | Refusal;
export type PackModelResult = { ok: true; report: ModelReport; surface: SurfaceAnswers } | Refusal;

/** The name the file store gives bytes (file-store.ts's sha256Of, without loading the database layer into the worker). */
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function runModelJob(job: ModelJob): Promise<UploadResult | PackModelResult> {
  const check = await checkModel(job.bytes, job.name);
  if (!check.ok) return check;
  const { report } = check;
  if (job.kind === 'pack-model') {
    try {
      const surface = await modelSurfaceOf(job.bytes);
      return { ok: true, report, surface: { nodeNames: surface.nodeNames, distances: job.points.map((p) => surface.distanceToNode(p.node, p.position)) } };
    } catch (err) {
      return { ok: false, errors: [processingFailed(err, job.name, 'measuring its surface', report.warnings)], internal: internalText(err) };
    }
  }
  try {
    const optimised = await optimiseModel(job.bytes, job.unit ? { unit: job.unit } : {});
    return { ok: true, report, optimised, sha256: { original: sha256Of(job.bytes), optimised: sha256Of(optimised.bytes) } };
  } catch (err) {
    const stage = err instanceof OptimiseStepError ? err.step : 'optimising it';
    const cause = err instanceof OptimiseStepError ? err.cause : err;
    return { ok: false, errors: [processingFailed(cause, job.name, stage, report.warnings)], internal: internalText(err) };
  }
}

/**
 * A model that passed the checks but that glTF-Transform or the image decoder could not process,
 * said in an author's words: which step, and what kind of problem. Such files are valid glTF in the
 * validator's eyes but hold something unusual (a texture reference to nothing, a damaged image, data
 * of the wrong kind), so the fix is the author's: the validator's warnings usually name it.
 */
export function processingFailed(err: unknown, name: string, stage: string, warnings: UploadIssue[] = []): UploadIssue {
  const what = whatFailed(err);
  const pointer = err instanceof TextureDecodeError ? 'textures' : 'file';
  const hint = warnings.length
    ? ` The glTF validator warned of: ${warnings.slice(0, 3).map((w) => `${w.pointer}: ${w.message.replace(/\.$/, '')}`).join('; ')}.`
    : '';
  return {
    code: 'optimise_failed',
    pointer,
    message: `The model "${name}" passed the checks but could not be processed while ${stage}: ${what}.${hint} Open it in Blender or the Khronos glTF Validator, fix what they report, and export it again.`,
  };
}

/** What kind of problem an exception says the file has, without the exception's own words. */
function whatFailed(err: unknown): string {
  if (err instanceof TextureDecodeError) return err.message;
  if (err instanceof RangeError) return 'it needs more memory or nesting than a model may use';
  if (err instanceof TypeError) return 'part of it refers to data that is missing or of the wrong kind';
  return 'it holds something the checker cannot handle';
}

/** An exception from the check itself (the validator or the readers), as an issue. */
export function checkFailed(err: unknown, name: string): UploadIssue {
  return { code: 'check_failed', pointer: 'file', message: `The model "${name}" could not be checked: ${whatFailed(err)}. Open it in Blender or the Khronos glTF Validator, fix what they report, and export it again.` };
}

export function internalText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}${err.stack ? `\n${err.stack.split('\n').slice(1, 6).join('\n')}` : ''}` : String(err);
}
