/**
 * window.__twinspect.live, for browser tests: where this page's live session is (status, phase,
 * round, product), who it is, and the 3D stage's live figures (items drawn, avatars, XR buttons).
 * Installed only where the test hooks are (window.__twinspect exists). Nothing here changes the app.
 */
import { useEffect } from 'react';
import { liveStore } from '../../session/live';
import type { RoundReveal } from '../../domain/live-protocol';
import type { LiveStoreState } from '../../session/live-store';
import { parseReveal } from '../../session/live-view';
import { liveSceneStats } from '../../scene/live/live-scene-stats';

export interface LiveTestHook {
  status: string;
  phase: string | null;
  round: number;
  productId: string | null;
  kind: string | null;
  follow: boolean;
  you: string | null;
  role: string | null;
  answered: boolean;
  score: number | null;
  /** The round's key once revealed (state.reveal), to check that nothing held it before. */
  reveal: RoundReveal | null;
  scene: typeof liveSceneStats;
}

function read(s: LiveStoreState): Omit<LiveTestHook, 'scene'> {
  return {
    status: s.status,
    phase: s.state?.phase ?? null,
    round: s.state?.round ?? 0,
    productId: s.state?.productId ?? null,
    kind: s.state?.kind ?? null,
    follow: s.state?.follow ?? false,
    you: s.you,
    role: s.role,
    answered: !!s.myAnswer?.confirmed,
    score: s.myResult?.result.score.scaled ?? null,
    reveal: parseReveal(s.state?.reveal),
  };
}

export function useLiveTestHook(): void {
  useEffect(() => {
    const hooks = window.__twinspect as (Record<string, unknown> & { live?: LiveTestHook }) | undefined;
    if (!hooks) return;
    const hook: LiveTestHook = { ...read(liveStore.getState()), scene: liveSceneStats };
    hooks.live = hook;
    const stop = liveStore.subscribe((s) => Object.assign(hook, read(s)));
    return () => {
      stop();
      delete hooks.live;
    };
  }, []);
}
