/** The phases of a live session in the words the page uses. */
import type { Phase } from '../../domain/live-protocol';

export const PHASE_NAME: Record<Phase, string> = {
  lobby: 'Waiting to start',
  inspect: 'Inspect',
  answer: 'Answer',
  reveal: 'Reveal',
  leaderboard: 'Leaderboard',
  ended: 'Ended',
};

/** What a trainee reads about the phase. */
export const PHASE_TRAINEE: Record<Phase, string> = {
  lobby: 'Waiting for the instructor to start.',
  inspect: 'Inspect the items. The instructor opens the answers next.',
  answer: 'Answers are open.',
  reveal: 'The answer is revealed.',
  leaderboard: 'The leaderboard.',
  ended: 'The session has ended.',
};

/** The instructor's phase buttons, in order. */
export const PHASE_BUTTONS: { to: Phase; label: string }[] = [
  { to: 'inspect', label: 'Inspect' },
  { to: 'answer', label: 'Answer' },
  { to: 'reveal', label: 'Reveal' },
  { to: 'leaderboard', label: 'Leaderboard' },
  { to: 'ended', label: 'End session' },
];
