/** The phases of a live session in the words the page uses. */
import type { Phase } from '../../domain/live-protocol';
import { i18n } from '../../i18n/i18n';

/**
 * Each phase's key, spelt out (not built from a prefix) so that the key check of test/unit/i18n reads
 * every one: `live:trainee` is the column header "Trainee", and `live:trainee.lobby` under it was
 * shown raw to every trainee.
 */
const NAME_KEYS: Record<Phase, string> = {
  lobby: 'live:phase.lobby',
  inspect: 'live:phase.inspect',
  answer: 'live:phase.answer',
  reveal: 'live:phase.reveal',
  leaderboard: 'live:phase.leaderboard',
  ended: 'live:phase.ended',
};

/** What a trainee reads about the phase. */
const TRAINEE_KEYS: Record<Phase, string> = {
  lobby: 'live:traineePhase.lobby',
  inspect: 'live:traineePhase.inspect',
  answer: 'live:traineePhase.answer',
  reveal: 'live:traineePhase.reveal',
  leaderboard: 'live:traineePhase.leaderboard',
  ended: 'live:traineePhase.ended',
};

/** Read when used, so they follow the interface's language (live.json). */
const words = (keys: Record<Phase, string>): Record<Phase, string> =>
  new Proxy({} as Record<Phase, string>, { get: (_, phase) => i18n.t(keys[String(phase) as Phase] ?? String(phase)) });

export const PHASE_NAME: Record<Phase, string> = words(NAME_KEYS);

export const PHASE_TRAINEE: Record<Phase, string> = words(TRAINEE_KEYS);

const BUTTON_KEYS = {
  inspect: 'live:button.inspect',
  answer: 'live:button.answer',
  reveal: 'live:button.reveal',
  leaderboard: 'live:button.leaderboard',
  ended: 'live:button.ended',
} as const;

export const PHASE_BUTTONS: { to: Phase; readonly label: string }[] = (Object.keys(BUTTON_KEYS) as (keyof typeof BUTTON_KEYS)[]).map((to) => ({
  to,
  get label() {
    return i18n.t(BUTTON_KEYS[to]);
  },
}));
