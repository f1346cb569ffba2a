/**
 * window.__twinspect: read-only figures for browser tests and benchmarks (frames drawn, draw calls,
 * models loaded). Nothing here changes the app.
 */
import { stageStats } from '../scene/stats';

declare global {
  interface Window {
    __twinspect?: { stats: typeof stageStats };
  }
}

export function exposeTestHooks(): void {
  window.__twinspect = { stats: stageStats };
}
