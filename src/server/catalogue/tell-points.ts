/**
 * Every tell's two points must lie on a model: `at` on its own variant's model, `genuineAt` on the
 * genuine's, each on the node it names. One check for content packs on disk and for the studio's drafts.
 */
import type { SurfacePoint, Variant } from '../../domain/catalogue';
import type { ModelSurface } from './glb-surface';

/** How far (metres) a tell's point may lie from its node's surface: a click on the model lands within it. */
export const SURFACE_TOLERANCE_M = 0.002;

export interface PointProblem {
  /** JSON path in the product document, like "variants[1].tells[0].at.position". */
  path: string;
  message: string;
}

/**
 * Problems with the tells' points of `variants`; `surfaceOf(i)` gives variant i's model surface, or
 * undefined where it could not be read (that model's points are then not checked).
 */
/** What the point check asks of a model: its node names and how far a point lies from a node. */
export type PointSurface = Pick<ModelSurface, 'nodeNames' | 'distanceToNode'>;

export function checkTellPoints(variants: readonly Variant[], surfaceOf: (index: number) => PointSurface | undefined): PointProblem[] {
  const problems: PointProblem[] = [];
  const gi = variants.findIndex((v) => v.kind === 'genuine');
  const genuine = variants[gi];
  for (const [vi, variant] of variants.entries()) {
    for (const [ti, tell] of variant.tells.entries()) {
      const base = `variants[${vi}].tells[${ti}]`;
      const own = surfaceOf(vi);
      if (own) problems.push(...checkPoint(own, variant.model, tell.at, `${base}.at`));
      const genuineSurface = gi >= 0 ? surfaceOf(gi) : undefined;
      if (genuine && genuineSurface) problems.push(...checkPoint(genuineSurface, genuine.model, tell.genuineAt, `${base}.genuineAt`));
    }
  }
  return problems;
}

function checkPoint(surface: PointSurface, model: string, point: SurfacePoint, path: string): PointProblem[] {
  const distance = surface.distanceToNode(point.node, point.position);
  if (distance === undefined) {
    const names = surface.nodeNames.filter(Boolean);
    const list = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
    return [{ path: `${path}.node`, message: `no node "${point.node}" in ${model} (nodes: ${list || 'none named'})` }];
  }
  if (distance === Infinity) return [{ path: `${path}.node`, message: `node "${point.node}" in ${model} has no triangles` }];
  if (distance > SURFACE_TOLERANCE_M) {
    return [
      {
        path: `${path}.position`,
        message: `is ${(distance * 1000).toFixed(1)} mm from the surface of node "${point.node}" in ${model} (at most ${SURFACE_TOLERANCE_M * 1000} mm)`,
      },
    ];
  }
  return [];
}
