/**
 * window.__twinspect: read-only figures for browser tests and benchmarks (frames drawn, draw calls,
 * models loaded). Nothing here changes the app.
 */
import type { ScanOutcome } from '../domain/recognition';
import { stageStats } from '../scene/stats';

declare global {
  interface Window {
    __twinspect?: {
      stats: typeof stageStats;
      /** Set while a drill is on the page (DrillPage): drops a pin at an exact point of the suspect's model space, in metres. */
      drill?: { dropPinAt(position: [number, number, number], node?: string): boolean };
      /** Set by the Scan page: scan results received, the detector's backend, the latest outcome. */
      scan?: { results: number; backend: string | null; last: ScanOutcome | null };
    };
  }
}

export function exposeTestHooks(): void {
  window.__twinspect = { stats: stageStats };
}
