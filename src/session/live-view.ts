/**
 * Reading the room's state: its JSON fields parsed once per change, the trainees ranked, who has
 * answered, and a merge that keeps unchanged parts of the state the same objects, so that the page
 * re-renders when something a person sees changed, not on every patch (the shared rotation, which
 * changes up to 20 times a second while the instructor turns the models, is read each frame instead).
 */
import type { DrillQuestion } from '../domain/drill';
import { rankStandings, type LiveStateView, type ParticipantView, type RoundReveal } from '../domain/live-protocol';

function memoParse<T>(): (json: string | undefined) => T | null {
  let lastJson: string | undefined;
  let last: T | null = null;
  return (json) => {
    if (json === lastJson) return last;
    lastJson = json;
    try {
      last = json ? (JSON.parse(json) as T) : null;
    } catch {
      last = null;
    }
    return last;
  };
}

/** The round's question (state.question), or null before the first round. */
export const parseQuestion = memoParse<DrillQuestion>();
/** The round's key and tells (state.reveal), or null until the reveal. */
export const parseReveal = memoParse<RoundReveal>();

export function traineesOf(view: LiveStateView | null): ParticipantView[] {
  if (!view) return [];
  return Object.values(view.participants).filter((p) => p.role === 'trainee');
}

/** The leaderboard: trainees by points, then right answers, then name. */
export function standingsOf(view: LiveStateView | null): ParticipantView[] {
  return rankStandings(traineesOf(view));
}

/** How many trainees answered this round, of those present. */
export function answeredCount(view: LiveStateView | null): { answered: number; present: number } {
  let answered = 0;
  let present = 0;
  for (const p of traineesOf(view)) {
    if (p.connected) present++;
    if (p.answeredRound) answered++;
  }
  return { answered, present };
}

function sameParticipant(a: ParticipantView, b: ParticipantView): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.role === b.role &&
    a.device === b.device &&
    a.connected === b.connected &&
    a.answeredRound === b.answeredRound &&
    a.points === b.points &&
    a.correct === b.correct &&
    a.answered === b.answered
  );
}

const SCALARS = ['protocol', 'sessionId', 'code', 'title', 'phase', 'round', 'kind', 'productId', 'productName', 'question', 'reveal', 'follow', 'spotlight', 'pointersMuted'] as const;

/**
 * `next` with every participant that did not change taken from `prev`; `prev` itself when nothing
 * but the rotation changed. The rotation in the result is whatever `prev` had: read the live one
 * from the store's shared rotation.
 */
export function mergeView(prev: LiveStateView | null, next: LiveStateView): LiveStateView {
  if (!prev) return next;
  let changed = SCALARS.some((k) => prev[k] !== next[k]);
  const participants: Record<string, ParticipantView> = {};
  const prevIds = Object.keys(prev.participants);
  const nextIds = Object.keys(next.participants);
  if (prevIds.length !== nextIds.length) changed = true;
  for (const id of nextIds) {
    const before = prev.participants[id];
    const now = next.participants[id]!;
    if (before && sameParticipant(before, now)) participants[id] = before;
    else {
      participants[id] = now;
      changed = true;
    }
  }
  if (!changed) return prev;
  return { ...next, rotation: prev.rotation, participants };
}
